namespace Reflexes.Optimization;

public sealed record BranchAndBoundOptions
{
    /// <summary>A value this close to an integer counts as integral.</summary>
    public double IntegralityTolerance { get; init; } = 1e-6;

    /// <summary>A node is pruned unless its bound beats the incumbent by more than this.</summary>
    public double AbsoluteGap { get; init; } = 1e-9;

    public int NodeLimit { get; init; } = 1_000_000;

    public static BranchAndBoundOptions Default { get; } = new();
}
