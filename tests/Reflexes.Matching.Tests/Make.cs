using Reflexes.Matching.Model;

namespace Reflexes.Matching.Tests;

/// <summary>Short constructors for instances written by hand in tests.</summary>
internal static class Make
{
    public const double Lat = 45.75;
    public const double Lon = 4.85;

    public static HalfDay Day(string text) => HalfDay.TryParse(text, out var h) ? h : throw new ArgumentException(text);

    public static Volunteer Volunteer(
        string id,
        string[] halfDays,
        double lat = Lat,
        double lon = Lon,
        double maxKm = 10,
        int perWeek = 14,
        int total = 100,
        string[]? skills = null,
        string[]? languages = null) =>
        new(id, skills ?? [], languages ?? [], lat, lon, maxKm, [.. halfDays.Select(Day)], perWeek, total);

    public static Slot Slot(
        string id,
        string halfDay,
        double lat = Lat,
        double lon = Lon,
        int needed = 1,
        int priority = 3,
        string[]? skills = null,
        string[]? languages = null) =>
        new(id, Day(halfDay), lat, lon, skills ?? [], languages ?? [], needed, priority);

    public static MatchingInstance Instance(IEnumerable<Volunteer> volunteers, IEnumerable<Slot> slots) => new([.. volunteers], [.. slots]);

    /// <summary>A point about <paramref name="km"/> kilometres north of the reference point.</summary>
    public static double North(double km) => Lat + (km * 1000.0 / 6_371_000.0 * 180.0 / Math.PI);
}
