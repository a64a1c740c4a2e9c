namespace Reflexes.Optimization;

/// <summary>
/// Tolerances of the simplex method. They are absolute: the models Reflexes builds have coefficients
/// between 1e-3 and 1e3 (probabilities, head counts), where absolute tolerances are meaningful.
/// </summary>
public sealed record SimplexOptions
{
    /// <summary>A basic variable this far outside its bounds counts as infeasible.</summary>
    public double PrimalTolerance { get; init; } = 1e-9;

    /// <summary>A reduced cost must exceed this to let a variable enter the basis.</summary>
    public double DualTolerance { get; init; } = 1e-9;

    /// <summary>Pivot elements smaller than this in magnitude are never used.</summary>
    public double PivotTolerance { get; init; } = 1e-9;

    /// <summary>The basis inverse is recomputed from the columns after this many pivots.</summary>
    public int RefactorInterval { get; init; } = 100;

    /// <summary>Consecutive degenerate pivots after which Bland's rule is used to prevent cycling.</summary>
    public int DegenerateStallLimit { get; init; } = 50;

    /// <summary>
    /// When above 1, the entering column is chosen among this many best by Dantzig's rule (reduced cost over
    /// column norm) as the one with the steepest edge (reduced cost squared over 1 + ‖B⁻¹a‖²), computed
    /// exactly: fewer pivots on degenerate-looking programs, at the price of that many extra column solves.
    /// </summary>
    public int SteepestEdgeCandidates { get; init; }

    public int IterationLimit { get; init; } = 1_000_000;

    public static SimplexOptions Default { get; } = new();
}
