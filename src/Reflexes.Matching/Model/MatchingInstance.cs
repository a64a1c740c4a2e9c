namespace Reflexes.Matching.Model;

/// <summary>Everything the engine needs: who offers which half-days, and which slots need whom.</summary>
public sealed record MatchingInstance(IReadOnlyList<Volunteer> Volunteers, IReadOnlyList<Slot> Slots);
