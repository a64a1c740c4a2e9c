namespace Reflexes.Optimization;

/// <summary>The outcome of a linear or integer solve.</summary>
public enum LpStatus
{
    Optimal,
    Infeasible,
    Unbounded,
    IterationLimit,
    NodeLimit,
}
