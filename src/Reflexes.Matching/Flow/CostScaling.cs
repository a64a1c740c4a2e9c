using System.Runtime.Intrinsics.X86;

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

    // How many entries ahead the global update prefetches node data.
    private const int PrefetchDistance = 8;

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
    private readonly int _gatheredFrom;
    private readonly int[] _residualEnd;
    private readonly int[] _unitFrom;
    private int _queueHead;
    private int _queueCount;
    private long _relabelsSinceUpdate;

    private CostScaling(FlowGraph g, int[]? end, IArcPricer? pricer, (int From, int To) gathered, int[]? unitFrom)
    {
        _unitFrom = unitFrom ?? g.First[1..];
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
        _gatheredFrom = gathered.From;
        _residualEnd = new int[Math.Max(0, gathered.To - gathered.From)];
        for (var u = gathered.From; u < gathered.To; u++)
        {
            var first = g.First[u];
            var last = g.First[u + 1];
            _residualEnd[u - _gatheredFrom] = Math.Min(first + 1, last);
            for (var b = first + 1; b < last; b++)
            {
                if (g.Arcs[b].Residual > 0)
                {
                    MoveIn(u, b);
                }
            }
        }
    }

    public long GlobalUpdates { get; private set; }

    public long Relabels { get; private set; }

    public long Pushes { get; private set; }

    /// <summary>Node prices, in costs multiplied by <see cref="Scale"/>.</summary>
    public long[] Prices => _price;

    /// <summary>The factor costs are multiplied by (nodes + 1).</summary>
    public long Scale => _scale;

    public static CostScaling Minimise(FlowGraph g, CancellationToken cancellationToken) => Minimise(g, null, null, (0, 0), null, cancellationToken);

    /// <summary>
    /// Minimises on the active arcs only: those of node u are <c>First[u]..end[u]-1</c>. At the end of each scaling
    /// phase the pricer looks at the other arcs; it activates and saturates (<see cref="Saturate"/>) those that are not
    /// epsilon-optimal, and the phase goes on until it finds none. So each phase ends epsilon-optimal on every arc.
    /// </summary>
    /// <param name="gathered">
    /// Nodes <c>From..To-1</c> have many arcs of which few carry residual capacity at any time (a slot: one arc to
    /// its class, then the reverse arcs of the volunteer×half-days that may fill it, residual only while they do).
    /// Past its first arc, which stays in place, such a node keeps its residual arcs at the front of its adjacency,
    /// so pushes and relabels scan those only; the backward search of global updates still sees all of them.
    /// </param>
    /// <param name="unitFrom">
    /// Per node, the position from which its entries are halves of arcs of capacity 1, so that the global update
    /// reads the other half's residual capacity as 1 minus this one's, without a look-up. When that position is the
    /// node's first entry, the node must be fed by that entry's arc and send flow only on its other arcs.
    /// </param>
    public static CostScaling Minimise(FlowGraph g, int[]? end, IArcPricer? pricer, (int From, int To) gathered, int[]? unitFrom, CancellationToken cancellationToken)
    {
        var solver = new CostScaling(g, end, pricer, gathered, unitFrom);
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
        var back = _g.Reverse[position];
        var backBefore = arcs[back].Residual;
        arcs[back].Residual = backBefore + r;
        if (backBefore == 0)
        {
            Gain(head, back);
        }

        Lose(tail, position);
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
        // Gathered nodes first, one by one (their entries move as they lose residual capacity). The other nodes'
        // arcs are found in parallel parts (prices do not change meanwhile, and an arc and its reverse never both
        // qualify), then saturated in node order.
        for (var u = _gatheredFrom; u < _gatheredFrom + _residualEnd.Length; u++)
        {
            var pu = price[u];
            var a = first[u];
            while (a < ScanEnd(u))
            {
                if (arcs[a].Residual > 0 && (arcs[a].Cost * scale) + pu - price[arcs[a].Head] < 0)
                {
                    SaturateAt(u, a);

                    // The arc left the front: look at the one that took its place.
                    if (Lose(u, a))
                    {
                        continue;
                    }
                }

                a++;
            }
        }

        var found = InParts(n, (from, to, into) =>
        {
            for (var u = from; u < to; u++)
            {
                if ((uint)(u - _gatheredFrom) < (uint)_residualEnd.Length)
                {
                    continue;
                }

                var pu = price[u];
                for (var a = first[u]; a < end[u]; a++)
                {
                    if (arcs[a].Residual > 0 && (arcs[a].Cost * scale) + pu - price[arcs[a].Head] < 0)
                    {
                        into.Add((u, a));
                    }
                }
            }
        });
        foreach (var part in found)
        {
            foreach (var (u, a) in part)
            {
                SaturateAt(u, a);
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

    /// <summary>Saturates the arc at position a of node u (not a gathered node's own bookkeeping: see <see cref="Lose"/>).</summary>
    private void SaturateAt(int u, int a)
    {
        var arcs = _g.Arcs;
        var r = arcs[a].Residual;
        var head = arcs[a].Head;
        var back = _g.Reverse[a];
        var backBefore = arcs[back].Residual;
        arcs[a].Residual = 0;
        arcs[back].Residual = backBefore + r;
        _excess[u] -= r;
        _excess[head] += r;
        if (backBefore == 0)
        {
            Gain(head, back);
        }
    }

    /// <summary>
    /// Runs <paramref name="find"/> over consecutive ranges of 0..count-1 in parallel (one range on small networks)
    /// and returns what each range found, in range order, so the result does not depend on the number of threads' timing.
    /// </summary>
    internal static List<(int Node, int Position)>[] InParts(int count, Action<int, int, List<(int Node, int Position)>> find) =>
        InParts(count, find, count < (1 << 16) ? 1 : Math.Clamp(Environment.ProcessorCount, 1, 4));

    internal static List<(int Node, int Position)>[] InParts(int count, Action<int, int, List<(int Node, int Position)>> find, int parts)
    {
        var found = new List<(int Node, int Position)>[parts];
        Parallel.For(0, parts, p =>
        {
            var into = new List<(int Node, int Position)>();
            find((int)((long)count * p / parts), (int)((long)count * (p + 1) / parts), into);
            found[p] = into;
        });
        return found;
    }

    /// <summary>How many times a phase had to go on after the pricer activated arcs.</summary>
    public long PricedIn { get; private set; }

    /// <summary>Where the scan of u's residual arcs can stop: the end of its gathered residual arcs, or of its active arcs.</summary>
    private int ScanEnd(int u) => (uint)(u - _gatheredFrom) < (uint)_residualEnd.Length ? _residualEnd[u - _gatheredFrom] : _end[u];

    /// <summary>The arc at position b of node u just got residual capacity: a gathered node brings it to the front.</summary>
    private void Gain(int u, int b)
    {
        if ((uint)(u - _gatheredFrom) < (uint)_residualEnd.Length && b >= _residualEnd[u - _gatheredFrom])
        {
            MoveIn(u, b);
        }
    }

    /// <summary>The arc at position a of node u lost its residual capacity: a gathered node moves it behind the front. True if it moved.</summary>
    private bool Lose(int u, int a)
    {
        var i = u - _gatheredFrom;
        if ((uint)i >= (uint)_residualEnd.Length || a == _g.First[u] || a >= _residualEnd[i])
        {
            return false;
        }

        var last = --_residualEnd[i];
        if (a != last)
        {
            _g.SwapEntries(a, last);
        }

        return true;
    }

    private void MoveIn(int u, int b)
    {
        var target = _residualEnd[u - _gatheredFrom]++;
        if (b != target)
        {
            _g.SwapEntries(b, target);
        }
    }


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
        while (excess[u] > 0)
        {
            var pu = price[u];
            var a = _current[u];
            var end = ScanEnd(u);
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
            var back = reverse[a];
            var backBefore = arcs[back].Residual;
            arcs[a].Residual -= delta;
            arcs[back].Residual = backBefore + delta;
            if (backBefore == 0)
            {
                Gain(v, back);
            }

            if (arcs[a].Residual == 0)
            {
                Lose(u, a);
            }

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
        var end = ScanEnd(v);
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
        var end = ScanEnd(u);
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
    private unsafe void GlobalUpdate(long epsilon)
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
        fixed (int* rankAt = rank)
        fixed (long* priceAt = price)
        {
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
                    var unit = _unitFrom[u];
                    if (unit == first[u] && arcs[unit].Residual == excess[u])
                    {
                        // A node made of unit arcs is fed through its first entry; when all that feeds it is still there
                        // as excess, none of its out-arcs carries flow, so only the feeding arc can lead into it.
                        end = Math.Min(end, unit + 1);
                    }

                    for (var b = first[u]; b < end; b++)
                    {
                        // A slot has about a thousand entries: ask for the rank and price of a later one's head now, so that
                        // they are in cache when the loop gets there.
                        if (Sse.IsSupported && b + PrefetchDistance < end)
                        {
                            var later = arcs[b + PrefetchDistance].Head;
                            Sse.Prefetch0(rankAt + later);
                            Sse.Prefetch0(priceAt + later);
                        }

                        // The arc into u is residual if its reverse here is not: for a unit arc that needs no look-up.
                        if (b >= unit ? arcs[b].Residual != 0 : arcs[reverse[b]].Residual == 0)
                        {
                            continue;
                        }

                        var v = arcs[b].Head;
                        var rv = rank[v];
                        // A finished node has a rank of at most r.
                        if (rv <= r)
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
