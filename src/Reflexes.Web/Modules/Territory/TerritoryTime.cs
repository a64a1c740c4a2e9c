namespace Reflexes.Web.Modules.Territory;

/// <summary>
/// The territory's local time (configuration "Territory:TimeZone", an IANA id such as "Europe/Paris", the
/// default). Times people type and read — a call back, when a call started — are the territory's wall-clock
/// time whatever the server's own zone; the database keeps UTC (ADR 0537).
/// </summary>
public sealed class TerritoryTime
{
    public TerritoryTime(IConfiguration configuration)
    {
        var id = configuration.GetValue("Territory:TimeZone", "Europe/Paris")!;
        Zone = TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : throw new InvalidOperationException($"Territory:TimeZone \"{id}\" is not a time zone this server knows (use an IANA id such as Europe/Paris).");
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>The territory's wall-clock time of a UTC instant.</summary>
    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>
    /// The UTC instant of a wall-clock time typed in the territory. A time skipped when clocks go forward
    /// (02:30 on the spring night) is read as the same moment after the change (03:30); a time that occurs
    /// twice when clocks go back is read as its first occurrence, the earlier one.
    /// </summary>
    public DateTime ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(unspecified))
        {
            var gap = Zone.GetAdjustmentRules().FirstOrDefault(r => r.DateStart <= unspecified && unspecified <= r.DateEnd)?.DaylightDelta ?? TimeSpan.FromHours(1);
            unspecified = unspecified.Add(gap);
        }

        if (Zone.IsAmbiguousTime(unspecified))
        {
            var offset = Zone.GetAmbiguousTimeOffsets(unspecified).Max();
            return DateTime.SpecifyKind(unspecified - offset, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(unspecified, Zone);
    }
}
