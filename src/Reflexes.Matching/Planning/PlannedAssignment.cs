namespace Reflexes.Matching.Planning;

/// <summary>One volunteer in one slot, with the distance it counts for.</summary>
public sealed record PlannedAssignment(string Volunteer, string Slot, long DistanceMeters, bool Confirmed);
