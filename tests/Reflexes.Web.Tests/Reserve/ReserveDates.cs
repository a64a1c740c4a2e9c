using System.Globalization;

namespace Reflexes.Web.Tests.Reserve;

/// <summary>The days the reserve's web tests plan on: today, the next Monday or other weekday (never today), and the ISO form the pages take.</summary>
internal static class ReserveDates
{
    public static readonly DateOnly Today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    public static readonly DateOnly NextMonday = Next(DayOfWeek.Monday);

    /// <summary>The next such day after today (a week on when today is that day).</summary>
    public static DateOnly Next(DayOfWeek day) => Today.AddDays(((int)day - (int)Today.DayOfWeek + 7) % 7 is var d && d == 0 ? 7 : d);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
