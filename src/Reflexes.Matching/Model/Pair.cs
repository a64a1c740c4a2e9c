namespace Reflexes.Matching.Model;

/// <summary>A volunteer and a slot, by id, as found in plans and in lists of confirmed assignments.</summary>
public readonly record struct Pair(string Volunteer, string Slot);
