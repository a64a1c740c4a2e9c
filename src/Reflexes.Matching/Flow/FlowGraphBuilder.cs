namespace Reflexes.Matching.Flow;

/// <summary>Collects arcs in blocks (no large re-allocations on big networks), then lays out the residual network.</summary>
internal sealed class FlowGraphBuilder
{
    private const int BlockBits = 20;
    private const int BlockSize = 1 << BlockBits;
    private const int BlockMask = BlockSize - 1;

    private readonly List<int[]> _tails = [];
    private readonly List<int[]> _heads = [];
    private readonly List<int[]> _capacities = [];
    private readonly List<long[]> _costs = [];
    private readonly List<ulong[]> _late = [];

    public int NodeCount { get; private set; }

    public int ArcCount { get; private set; }

    public int AddNode() => NodeCount++;

    public int AddNodes(int count)
    {
        var first = NodeCount;
        NodeCount += count;
        return first;
    }

    /// <summary>
    /// Adds an arc; its reverse goes among the head's entries in the order arcs are added, or, when
    /// <paramref name="lateAtHead"/>, after every entry of the head that is not late.
    /// </summary>
    public int AddArc(int tail, int head, int capacity, long cost, bool lateAtHead = false)
    {
        if ((ArcCount & BlockMask) == 0)
        {
            _tails.Add(new int[BlockSize]);
            _heads.Add(new int[BlockSize]);
            _capacities.Add(new int[BlockSize]);
            _costs.Add(new long[BlockSize]);
            _late.Add(new ulong[BlockSize / 64]);
        }

        var block = ArcCount >> BlockBits;
        var offset = ArcCount & BlockMask;
        if (lateAtHead)
        {
            _late[block][offset >> 6] |= 1UL << (offset & 63);
        }

        _tails[block][offset] = tail;
        _heads[block][offset] = head;
        _capacities[block][offset] = capacity;
        _costs[block][offset] = cost;
        return ArcCount++;
    }

    public void SetCapacity(int arc, int capacity) => _capacities[arc >> BlockBits][arc & BlockMask] = capacity;

    public FlowGraph Build()
    {
        var n = NodeCount;
        var m = ArcCount;
        var first = new int[n + 1];
        for (var i = 0; i < m; i++)
        {
            first[_tails[i >> BlockBits][i & BlockMask] + 1]++;
            first[_heads[i >> BlockBits][i & BlockMask] + 1]++;
        }

        for (var u = 0; u < n; u++)
        {
            first[u + 1] += first[u];
        }

        // Late reverse entries fill the end of their head's entries, the others the start.
        var next = new int[n];
        Array.Copy(first, next, n);
        var nextLate = new int[n];
        Array.Copy(first, 1, nextLate, 0, n);
        for (var i = 0; i < m; i++)
        {
            if (IsLate(i))
            {
                nextLate[_heads[i >> BlockBits][i & BlockMask]]--;
            }
        }

        var arcs = new ResidualArc[2 * m];
        var reverse = new int[2 * m];
        var forward = new int[m];
        for (var i = 0; i < m; i++)
        {
            var block = i >> BlockBits;
            var offset = i & BlockMask;
            var t = _tails[block][offset];
            var h = _heads[block][offset];
            var a = next[t]++;
            var b = IsLate(i) ? nextLate[h]++ : next[h]++;
            var cost = _costs[block][offset];
            arcs[a] = new ResidualArc { Head = h, Residual = _capacities[block][offset], Cost = cost };
            arcs[b] = new ResidualArc { Head = t, Residual = 0, Cost = -cost };
            reverse[a] = b;
            reverse[b] = a;
            forward[i] = a;
        }

        _tails.Clear();
        _heads.Clear();
        _capacities.Clear();
        _costs.Clear();
        _late.Clear();
        return new FlowGraph(n, first, arcs, reverse, forward);
    }

    private bool IsLate(int arc) => (_late[arc >> BlockBits][(arc & BlockMask) >> 6] & (1UL << (arc & 63))) != 0;
}
