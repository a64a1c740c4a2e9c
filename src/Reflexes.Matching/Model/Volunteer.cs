namespace Reflexes.Matching.Model;

/// <summary>Someone who offers half-days, with what they can do, where, and how often.</summary>
public sealed record Volunteer(
    string Id,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> Languages,
    double Lat,
    double Lon,
    double MaxDistanceKm,
    IReadOnlyList<HalfDay> HalfDays,
    int MaxPerWeek,
    int MaxTotal);
