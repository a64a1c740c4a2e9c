namespace Reflexes.Matching.Planning;

/// <summary>
/// An exactly optimal plan: maximum priority-weighted coverage, then minimum total distance, then (when
/// re-planning) as many previous proposals kept as possible.
/// </summary>
public sealed record Plan(
    IReadOnlyList<PlannedAssignment> Assignments,
    long CoveredWeight,
    int Filled,
    long DistanceMeters,
    double Seconds,
    IReadOnlyList<UnfilledSlot> Unfilled,
    ReplanSummary? Replan,
    NetworkSummary Network);

/// <summary>How a re-plan relates to the previous plan's proposals.</summary>
public sealed record ReplanSummary(int Confirmed, int PreviousProposals, int Kept, int Changed);

/// <summary>
/// The size of the flow network solved and its single-objective cost: <c>Objective = -M * (weight of the places the
/// network filled) + (secondary cost)</c>, the optimum another solver must find on the DIMACS export.
/// </summary>
public sealed record NetworkSummary(int Nodes, long Arcs, long WeightMultiplier, long DistanceMultiplier, long Objective);
