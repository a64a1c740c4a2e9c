namespace Reflexes.Matching.Flow;

/// <summary>
/// A residual network in compressed adjacency form: the arcs leaving node u are <c>First[u]..First[u+1]-1</c>,
/// each original arc stored next to its tail and its reverse next to its head. The flow on a forward arc
/// is the residual capacity of its reverse.
/// </summary>
internal sealed class FlowGraph(int nodeCount, int[] first, int[] head, int[] residual, long[] cost, int[] reverse, int[] forwardPosition)
{
    public int NodeCount { get; } = nodeCount;

    public int ArcCount => ForwardPosition.Length;

    public int[] First { get; } = first;

    public int[] Head { get; } = head;

    public int[] Residual { get; } = residual;

    public long[] Cost { get; } = cost;

    public int[] Reverse { get; } = reverse;

    /// <summary>Where original arc i (in the order it was added) sits among the residual arcs.</summary>
    public int[] ForwardPosition { get; } = forwardPosition;

    public int Flow(int arc) => Residual[Reverse[ForwardPosition[arc]]];

    public int Capacity(int arc)
    {
        var position = ForwardPosition[arc];
        return Residual[position] + Residual[Reverse[position]];
    }

    public int Tail(int arc) => Head[Reverse[ForwardPosition[arc]]];

    public int HeadOf(int arc) => Head[ForwardPosition[arc]];

    public long CostOf(int arc) => Cost[ForwardPosition[arc]];

    /// <summary>Changes the capacity of an arc that carries no flow yet, or caps it at its current flow.</summary>
    public void SetCapacity(int arc, int capacity)
    {
        var position = ForwardPosition[arc];
        var flow = Residual[Reverse[position]];
        if (capacity < flow)
        {
            throw new InvalidOperationException($"Arc {arc} carries {flow} units, more than the new capacity {capacity}.");
        }

        Residual[position] = capacity - flow;
    }
}
