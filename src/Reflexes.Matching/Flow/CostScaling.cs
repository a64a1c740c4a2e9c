namespace Reflexes.Matching.Flow;

/// <summary>
/// Goldberg's cost-scaling push-relabel for a minimum-cost circulation, started from the flow the network
/// already carries (so supplies and the flow value stay what they are). Costs are multiplied by n+1 on the
/// fly so that a 1-optimal flow in scaled costs is optimal for the integer costs.
/// </summary>
internal sealed class CostScaling
{
    private const int Alpha = 16;

    // A global price update after this many relabels per node.
    private const int UpdateFactor = 2;


    private readonly FlowGraph _g;
    private readonly int[] _end;
    private readonly IArcPricer? _pricer;
    private readonly long _scale;
    private readonly long[] _price;
    private readonly int[] _excess;
    private readonly int[] _current;
    private readonly int[] _queue;
    private readonly int[] _rank;
    private readonly int[] _bucketHead;
    private readonly int[] _bucketNext;
    private readonly int[] _bucketPrevious;
    private int _queueHead;
    private int _queueCount;
    private long _relabelsSinceUpdate;

    private CostScaling(FlowGraph g, int[]? end, IArcPricer? pricer)
    {
        _g = g;
        _end = end ?? g.First[1..];
        _pricer = pricer;
        _scale = g.NodeCount + 1L;
        _price = new long[g.NodeCount];
        _excess = new int[g.NodeCount];
        _current = new int[g.NodeCount];
        _queue = new int[g.NodeCount];
        _rank = new int[g.NodeCount];
        _bucketHead = new int[g.NodeCount + 1];
        _bucketNext = new int[g.NodeCount];
        _bucketPrevious = new int[g.NodeCount];
    }

    public long GlobalUpdates { get; private set; }


    public long Relabels { get; private set; }

    public long Pushes { get; private set; }

    /// <summary>Node prices, in costs multiplied by <see cref="Scale"/>.</summary>
    public long[] Prices => _price;

    /// <summary>The factor costs are multiplied by (nodes + 1).</summary>
    public long Scale => _scale;

    public static CostScaling Minimise(FlowGraph g, CancellationToken cancellationToken) => Minimise(g, null, null, cancellationToken);

    /// <summary>
    /// Minimises on the active arcs only: those of node u are <c>First[u]..end[u]-1</c>. At the end of each scaling
    /// phase the pricer looks at the other arcs; it activates and saturates (<see cref="Saturate"/>) those that are not
    /// epsilon-optimal, and the phase goes on until it finds none. So each phase ends epsilon-optimal on every arc.
    /// </summary>
    public static CostScaling Minimise(FlowGraph g, int[]? end, IArcPricer? pricer, CancellationToken cancellationToken)
    {
        var solver = new CostScaling(g, end, pricer);
        solver.Run(cancellationToken);
        return solver;
    }

    /// <summary>Pushes the whole residual capacity of a (just activated) arc, leaving excess at its head.</summary>
    public void Saturate(int tail, int position)
    {
        var arcs = _g.Arcs;
        var r = arcs[position].Residual;
        if (r == 0)
        {
            return;
        }

        var head = arcs[position].Head;
        arcs[position].Residual = 0;
        arcs[_g.Reverse[position]].Residual += r;
        _excess[tail] -= r;
        var before = _excess[head];
        _excess[head] = before + r;
        if (before <= 0 && before + r > 0)
        {
            Enqueue(head);
        }
    }

    /// <summary>Largest scaled cost the solver can take without its prices overflowing.</summary>
    public static long MaxCost(int nodeCount) => long.MaxValue / 8 / (nodeCount + 1L) / (nodeCount + 1L);

    private void Run(CancellationToken cancellationToken)
    {
        var maxCost = 0L;
        foreach (var arc in _g.Arcs)
        {
            maxCost = Math.Max(maxCost, Math.Abs(arc.Cost));
        }

        if (maxCost == 0)
        {
            return;
        }

        if (maxCost > MaxCost(_g.NodeCount))
        {
            throw new InvalidOperationException($"Costs up to {maxCost} on {_g.NodeCount} nodes would overflow the solver's prices.");
        }

        var epsilon = maxCost * _scale;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            epsilon = Math.Max(1, epsilon / Alpha);
            Refine(epsilon);
        }
        while (epsilon > 1);
    }

    private void Refine(long epsilon)
    {
        var first = _g.First;
        var end = _end;
        var arcs = _g.Arcs;
        var reverse = _g.Reverse;
        var price = _price;
        var excess = _excess;
        var scale = _scale;
        var n = _g.NodeCount;

        // Saturate every arc of negative reduced cost: the flow becomes 0-optimal, at the price of excesses.
        for (var u = 0; u < n; u++)
        {
            var pu = price[u];
            for (var a = first[u]; a < end[u]; a++)
            {
                var r = arcs[a].Residual;
                if (r > 0 && (arcs[a].Cost * scale) + pu - price[arcs[a].Head] < 0)
                {
                    arcs[a].Residual = 0;
                    arcs[reverse[a]].Residual += r;
                    excess[u] -= r;
                    excess[arcs[a].Head] += r;
                }
            }
        }

        Array.Copy(first, _current, n);
        _queueHead = 0;
        _queueCount = 0;
        for (var u = 0; u < n; u++)
        {
            if (excess[u] > 0)
            {
                Enqueue(u);
            }
        }

        GlobalUpdate(epsilon);
        while (true)
        {
            while (_queueCount > 0)
            {
                if (_relabelsSinceUpdate > (long)UpdateFactor * n)
                {
                    GlobalUpdate(epsilon);
                }

                var u = _queue[_queueHead];
                _queueHead = _queueHead + 1 == n ? 0 : _queueHead + 1;
                _queueCount--;
                Discharge(u, epsilon);
            }

            // Before the last phase, the pricer only activates arcs (those within epsilon of admissible, so that
            // the next phase sees them): the next phase's saturation takes care of them. The last phase must end
            // 1-optimal on every arc, so it saturates the violators and goes on.
            var last = epsilon == 1;
            if (_pricer is null || _pricer.PriceIn(this, last ? epsilon : -epsilon, last) == 0 || !last)
            {
                break;
            }

            PricedIn++;
            GlobalUpdate(epsilon);
        }
    }

    /// <summary>How many times a phase had to go on after the pricer activated arcs.</summary>
    public long PricedIn { get; private set; }

    private void Enqueue(int u)
    {
        var tail = _queueHead + _queueCount;
        if (tail >= _queue.Length)
        {
            tail -= _queue.Length;
        }

        _queue[tail] = u;
        _queueCount++;
    }

    private void Discharge(int u, long epsilon)
    {
        var first = _g.First;
        var arcs = _g.Arcs;
        var reverse = _g.Reverse;
        var price = _price;
        var excess = _excess;
        var scale = _scale;
        var end = _end[u];
        while (excess[u] > 0)
        {
            var pu = price[u];
            var a = _current[u];
            while (a < end && (arcs[a].Residual == 0 || (arcs[a].Cost * scale) + pu - price[arcs[a].Head] >= 0))
            {
                a++;
            }

            if (a == end)
            {
                Relabel(u, epsilon);
                continue;
            }

            _current[u] = a;
            var v = arcs[a].Head;
            if (excess[v] >= 0 && !HasAdmissibleArc(v))
            {
                // Look-ahead: pushing into a node that could only push back would be wasted; relabel it first.
                Relabel(v, epsilon);
                continue;
            }

            var delta = Math.Min(excess[u], arcs[a].Residual);
            arcs[a].Residual -= delta;
            arcs[reverse[a]].Residual += delta;
            excess[u] -= delta;
            var before = excess[v];
            excess[v] = before + delta;
            if (before <= 0 && before + delta > 0)
            {
                Enqueue(v);
            }

            Pushes++;
        }
    }

    private bool HasAdmissibleArc(int v)
    {
        var arcs = _g.Arcs;
        var price = _price;
        var pv = price[v];
        var end = _end[v];
        for (var a = _current[v]; a < end; a++)
        {
            if (arcs[a].Residual > 0 && (arcs[a].Cost * _scale) + pv - price[arcs[a].Head] < 0)
            {
                _current[v] = a;
                return true;
            }
        }

        _current[v] = end;
        return false;
    }

    /// <summary>Lowers u's price just enough that its cheapest residual arc becomes admissible.</summary>
    private void Relabel(int u, long epsilon)
    {
        var first = _g.First;
        var arcs = _g.Arcs;
        var price = _price;
        var best = long.MinValue;
        var end = _end[u];
        for (var b = first[u]; b < end; b++)
        {
            if (arcs[b].Residual > 0)
            {
                var candidate = price[arcs[b].Head] - (arcs[b].Cost * _scale);
                if (candidate > best)
                {
                    best = candidate;
                }
            }
        }

        // A node without residual arcs (met only by look-ahead) just steps down, which keeps every arc epsilon-optimal.
        price[u] = best == long.MinValue ? price[u] - epsilon : best - epsilon;
        _current[u] = first[u];
        Relabels++;
        _relabelsSinceUpdate++;
    }

    /// <summary>
    /// Global price update: a bucket-based shortest path search, backwards from the nodes in deficit, with arc
    /// lengths floor(reduced cost / epsilon) + 1 (0 for admissible arcs). Lowering each price by epsilon times
    /// its distance keeps the flow epsilon-optimal and gives every node with excess an admissible path to a deficit.
    /// </summary>
    private void GlobalUpdate(long epsilon)
    {
        GlobalUpdates++;
        _relabelsSinceUpdate = 0;
        var n = _g.NodeCount;
        var first = _g.First;
        var arcs = _g.Arcs;
        var reverse = _g.Reverse;
        var price = _price;
        var excess = _excess;
        var rank = _rank;
        var bucketHead = _bucketHead;
        var next = _bucketNext;
        var previous = _bucketPrevious;
        const int unreached = int.MaxValue;
        const int finished = -2;
        var maxRank = n;
        var inverse = (1.0 - 1e-9) / epsilon;
        Array.Fill(bucketHead, -1);
        var remaining = 0L;
        for (var v = 0; v < n; v++)
        {
            if (excess[v] < 0)
            {
                rank[v] = 0;
                previous[v] = -1;
                next[v] = bucketHead[0];
                if (next[v] >= 0)
                {
                    previous[next[v]] = v;
                }

                bucketHead[0] = v;
            }
            else
            {
                rank[v] = unreached;
                next[v] = -1;
                remaining += excess[v];
            }
        }

        var r = 0;
        for (; r <= maxRank && remaining > 0; r++)
        {
            while (bucketHead[r] >= 0 && remaining > 0)
            {
                var u = bucketHead[r];
                bucketHead[r] = next[u];
                if (next[u] >= 0)
                {
                    previous[next[u]] = -1;
                }

                next[u] = finished;
                remaining -= Math.Max(0, excess[u]);
                var pu = price[u];
                var end = _end[u];
                for (var b = first[u]; b < end; b++)
                {
                    var back = reverse[b];
                    if (arcs[back].Residual == 0)
                    {
                        continue;
                    }

                    var v = arcs[b].Head;
                    var rv = rank[v];
                    if (rv <= r || next[v] == finished)
                    {
                        continue;
                    }

                    // Rounded down (never up) so that prices stay epsilon-optimal; a double avoids a 64-bit division.
                    var reduced = price[v] - pu - (arcs[b].Cost * _scale);
                    var length = reduced < 0 ? 0L : (long)(reduced * inverse) + 1;
                    var candidate = r + length;
                    if (candidate >= rv || candidate > maxRank)
                    {
                        continue;
                    }

                    if (rv != unreached)
                    {
                        // Take v out of its bucket.
                        if (previous[v] >= 0)
                        {
                            next[previous[v]] = next[v];
                        }
                        else
                        {
                            bucketHead[rv] = next[v];
                        }

                        if (next[v] >= 0)
                        {
                            previous[next[v]] = previous[v];
                        }
                    }

                    var c = (int)candidate;
                    rank[v] = c;
                    previous[v] = -1;
                    next[v] = bucketHead[c];
                    if (next[v] >= 0)
                    {
                        previous[next[v]] = v;
                    }

                    bucketHead[c] = v;
                }
            }

            if (remaining <= 0)
            {
                break;
            }
        }

        // Nodes not finished by the time every excess was reached are lowered as far as the current rank.
        var stop = Math.Min(r, maxRank);
        for (var v = 0; v < n; v++)
        {
            var d = next[v] == finished ? rank[v] : Math.Min(rank[v], stop);
            if (d > 0)
            {
                price[v] -= d * epsilon;
            }
        }

        Array.Copy(first, _current, n);
    }
}
