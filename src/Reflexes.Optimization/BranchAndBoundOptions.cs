namespace Reflexes.Optimization;

public sealed record BranchAndBoundOptions
{
    /// <summary>A value this close to an integer counts as integral.</summary>
    public double IntegralityTolerance { get; init; } = 1e-6;

    /// <summary>A node is pruned unless its bound beats the incumbent by more than this.</summary>
    public double AbsoluteGap { get; init; } = 1e-9;

    public int NodeLimit { get; init; } = 1_000_000;

    /// <summary>
    /// Once an integer solution beating the cutoff is known, stop after this many further nodes (a heuristic
    /// search: the answer is good, not proven best). When no solution is found the search is always
    /// exhaustive, so "none beats the cutoff" stays a proof.
    /// </summary>
    public int NodesAfterFirstSolution { get; init; } = int.MaxValue;

    public static BranchAndBoundOptions Default { get; } = new();
}
