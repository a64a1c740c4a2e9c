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

    /// <summary>
    /// Lays out the residual network. The arcs are cut into consecutive parts placed in parallel: each part counts
    /// its entries per node, so that it knows where its own entries go, and the layout is the one a single pass in
    /// arc order would give, whatever the number of parts.
    /// </summary>
    public FlowGraph Build()
    {
        var n = NodeCount;
        var m = ArcCount;
        var parts = m < (1 << 16) ? 1 : Math.Clamp(Environment.ProcessorCount, 1, 4);
        var bounds = new int[parts + 1];
        for (var p = 0; p <= parts; p++)
        {
            bounds[p] = (int)((long)m * p / parts);
        }

        // Per part and node: entries that keep arc order (forward ones and reverse ones that are not late), late ones.
        var inOrder = new int[parts][];
        var late = new int[parts][];
        Parallel.For(0, parts, p =>
        {
            var ordered = new int[n];
            var lateHere = new int[n];
            for (var i = bounds[p]; i < bounds[p + 1]; i++)
            {
                ordered[_tails[i >> BlockBits][i & BlockMask]]++;
                var h = _heads[i >> BlockBits][i & BlockMask];
                if (IsLate(i))
                {
                    lateHere[h]++;
                }
                else
                {
                    ordered[h]++;
                }
            }

            inOrder[p] = ordered;
            late[p] = lateHere;
        });

        var first = new int[n + 1];
        for (var u = 0; u < n; u++)
        {
            var degree = 0;
            for (var p = 0; p < parts; p++)
            {
                degree += inOrder[p][u] + late[p][u];
            }

            first[u + 1] = first[u] + degree;
        }

        // Turn the counts into each part's first position at each node: in-order entries from the start, late ones
        // after all in-order entries of the node.
        for (var u = 0; u < n; u++)
        {
            var next = first[u];
            for (var p = 0; p < parts; p++)
            {
                var count = inOrder[p][u];
                inOrder[p][u] = next;
                next += count;
            }

            for (var p = 0; p < parts; p++)
            {
                var count = late[p][u];
                late[p][u] = next;
                next += count;
            }
        }

        var arcs = new ResidualArc[2 * m];
        var reverse = new int[2 * m];
        var forward = new int[m];
        Parallel.For(0, parts, p =>
        {
            var next = inOrder[p];
            var nextLate = late[p];
            for (var i = bounds[p]; i < bounds[p + 1]; i++)
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
        });

        _tails.Clear();
        _heads.Clear();
        _capacities.Clear();
        _costs.Clear();
        _late.Clear();
        return new FlowGraph(n, first, arcs, reverse, forward);
    }

    private bool IsLate(int arc) => (_late[arc >> BlockBits][(arc & BlockMask) >> 6] & (1UL << (arc & 63))) != 0;
}
