namespace Reflexes.Web.Platform.Clock;

internal static class ClockExtensions
{
    public static DateTime UtcNow(this TimeProvider time) => time.GetUtcNow().UtcDateTime;
}
