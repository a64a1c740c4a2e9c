namespace Reflexes.Sortition;

/// <summary>A respondent whom no panel meeting the quotas can include, and why.</summary>
public sealed record NeverSelectable(int Person, string Reason);
