namespace Reflexes.Matching.Model;

/// <summary>One half-day of a mission, needing <see cref="Needed"/> people with the listed skills and languages.</summary>
public sealed record Slot(
    string Id,
    HalfDay HalfDay,
    double Lat,
    double Lon,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> Languages,
    int Needed,
    int Priority)
{
    /// <summary>Weight of one filled place: 100 essential, 10 important, 1 normal.</summary>
    public int Weight => Priorities.Weight(Priority);
}
