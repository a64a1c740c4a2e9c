namespace Reflexes.Sortition;

/// <summary>
/// A person in the pool: an identifier, the index of their value in each category, and a household key
/// (normalised address) when addresses are known.
/// </summary>
public sealed record Respondent(string Id, IReadOnlyList<int> Values, string? Household);
