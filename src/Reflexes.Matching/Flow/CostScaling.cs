namespace Reflexes.Matching.Flow;

/// <summary>
/// Goldberg's cost-scaling push-relabel for a minimum-cost circulation, started from the flow the network
/// already carries (so supplies and the flow value stay what they are). Costs are multiplied by n+1 on the
/// fly so that a 1-optimal flow in scaled costs is optimal for the integer costs.
/// </summary>
internal sealed class CostScaling
{
    private const int Alpha = 16;

    private readonly FlowGraph _g;
    private readonly long _scale;
    private readonly long[] _price;
    private readonly int[] _excess;
    private readonly int[] _current;
    private readonly int[] _queue;
    private int _queueHead;
    private int _queueCount;

    private CostScaling(FlowGraph g)
    {
        _g = g;
        _scale = g.NodeCount + 1L;
        _price = new long[g.NodeCount];
        _excess = new int[g.NodeCount];
        _current = new int[g.NodeCount];
        _queue = new int[g.NodeCount];
    }

    public long Relabels { get; private set; }

    public long Pushes { get; private set; }

    public static CostScaling Minimise(FlowGraph g, CancellationToken cancellationToken)
    {
        var solver = new CostScaling(g);
        solver.Run(cancellationToken);
        return solver;
    }

    /// <summary>Largest scaled cost the solver can take without its prices overflowing.</summary>
    public static long MaxCost(int nodeCount) => long.MaxValue / 8 / (nodeCount + 1L) / (nodeCount + 1L);

    private void Run(CancellationToken cancellationToken)
    {
        var maxCost = 0L;
        foreach (var c in _g.Cost)
        {
            maxCost = Math.Max(maxCost, Math.Abs(c));
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
        var head = _g.Head;
        var residual = _g.Residual;
        var cost = _g.Cost;
        var reverse = _g.Reverse;
        var price = _price;
        var excess = _excess;
        var scale = _scale;
        var n = _g.NodeCount;

        // Saturate every arc of negative reduced cost: the flow becomes 0-optimal, at the price of excesses.
        for (var u = 0; u < n; u++)
        {
            var pu = price[u];
            for (var a = first[u]; a < first[u + 1]; a++)
            {
                var r = residual[a];
                if (r > 0 && (cost[a] * scale) + pu - price[head[a]] < 0)
                {
                    residual[a] = 0;
                    residual[reverse[a]] += r;
                    excess[u] -= r;
                    excess[head[a]] += r;
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

        while (_queueCount > 0)
        {
            var u = _queue[_queueHead];
            _queueHead = _queueHead + 1 == n ? 0 : _queueHead + 1;
            _queueCount--;
            Discharge(u, epsilon);
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
        var head = _g.Head;
        var residual = _g.Residual;
        var cost = _g.Cost;
        var reverse = _g.Reverse;
        var price = _price;
        var excess = _excess;
        var scale = _scale;
        var end = first[u + 1];
        while (excess[u] > 0)
        {
            var pu = price[u];
            var a = _current[u];
            while (a < end && (residual[a] == 0 || (cost[a] * scale) + pu - price[head[a]] >= 0))
            {
                a++;
            }

            if (a < end)
            {
                _current[u] = a;
                var v = head[a];
                var delta = Math.Min(excess[u], residual[a]);
                residual[a] -= delta;
                residual[reverse[a]] += delta;
                excess[u] -= delta;
                var before = excess[v];
                excess[v] = before + delta;
                if (before <= 0 && before + delta > 0)
                {
                    Enqueue(v);
                }

                Pushes++;
                continue;
            }

            // Relabel: lower u's price just enough that its cheapest residual arc becomes admissible.
            var best = long.MinValue;
            for (var b = first[u]; b < end; b++)
            {
                if (residual[b] > 0)
                {
                    var candidate = price[head[b]] - (cost[b] * scale);
                    if (candidate > best)
                    {
                        best = candidate;
                    }
                }
            }

            price[u] = best - epsilon;
            _current[u] = first[u];
            Relabels++;
        }
    }
}
