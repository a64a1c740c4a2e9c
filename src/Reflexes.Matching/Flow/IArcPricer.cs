namespace Reflexes.Matching.Flow;

/// <summary>Brings arcs that are not epsilon-optimal into a cost-scaling solve that works on a subset of the arcs.</summary>
internal interface IArcPricer
{
    /// <summary>
    /// Activates every inactive arc whose reduced cost is below <c>-threshold</c>, and saturates it when asked; returns how many.
    /// </summary>
    int PriceIn(CostScaling solver, long threshold, bool saturate);
}
