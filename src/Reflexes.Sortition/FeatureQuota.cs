namespace Reflexes.Sortition;

/// <summary>One value of a category with how many panel members must have it (inclusive bounds).</summary>
public sealed record FeatureQuota(string Value, int Min, int Max);
