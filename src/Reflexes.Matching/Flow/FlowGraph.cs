namespace Reflexes.Matching.Flow;

/// <summary>
/// A residual network in compressed adjacency form: the arcs leaving node u are <c>First[u]..First[u+1]-1</c>,
/// each original arc stored next to its tail and its reverse next to its head. The flow on a forward arc
/// is the residual capacity of its reverse.
/// </summary>
internal sealed class FlowGraph(int nodeCount, int[] first, ResidualArc[] arcs, int[] reverse, int[] forwardPosition)
{
    public int NodeCount { get; } = nodeCount;

    public int ArcCount => ForwardPosition.Length;

    public int[] First { get; } = first;

    public ResidualArc[] Arcs { get; } = arcs;

    public int[] Reverse { get; } = reverse;

    /// <summary>Where original arc i (in the order it was added) sits among the residual arcs.</summary>
    public int[] ForwardPosition { get; } = forwardPosition;

    public int Flow(int arc) => Arcs[Reverse[ForwardPosition[arc]]].Residual;

    public int Capacity(int arc)
    {
        var position = ForwardPosition[arc];
        return Arcs[position].Residual + Arcs[Reverse[position]].Residual;
    }

    public int Tail(int arc) => Arcs[Reverse[ForwardPosition[arc]]].Head;

    public int HeadOf(int arc) => Arcs[ForwardPosition[arc]].Head;

    public long CostOf(int arc) => Arcs[ForwardPosition[arc]].Cost;

    /// <summary>Changes the capacity of an arc that carries no flow yet, or caps it at its current flow.</summary>
    public void SetCapacity(int arc, int capacity)
    {
        var position = ForwardPosition[arc];
        var flow = Arcs[Reverse[position]].Residual;
        if (capacity < flow)
        {
            throw new InvalidOperationException($"Arc {arc} carries {flow} units, more than the new capacity {capacity}.");
        }

        Arcs[position].Residual = capacity - flow;
    }

    /// <summary>Exchanges the entries at two positions of the same node, keeping the reverse links right.</summary>
    public void SwapEntries(int x, int y)
    {
        (Arcs[x], Arcs[y]) = (Arcs[y], Arcs[x]);
        var rx = Reverse[x];
        var ry = Reverse[y];
        Reverse[x] = ry;
        Reverse[y] = rx;
        Reverse[rx] = y;
        Reverse[ry] = x;
    }
}
