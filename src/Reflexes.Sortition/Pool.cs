namespace Reflexes.Sortition;

/// <summary>The respondents and the quota categories they are described by.</summary>
/// <param name="IdsAreRowNumbers">True when identifiers are 0-based row numbers (replication format), written as numbers in results.</param>
public sealed record Pool(IReadOnlyList<Category> Categories, IReadOnlyList<Respondent> People, bool IdsAreRowNumbers)
{
    public string Describe(int person, int category) => Categories[category].Values[People[person].Values[category]].Value;
}
