using Reflexes.Matching.Flow;

namespace Reflexes.Matching.Planning;

/// <summary>
/// Arc pricing for the distance level. Cost scaling works on a core of the network: every arc except the
/// assignment arcs, plus, for each volunteer×half-day, its nearest slots and the arc it uses. The other
/// assignment arcs carry no flow. At the end of each scaling phase they are priced against the node prices:
/// before the last phase, those within epsilon of admissible join the core (the next phase's saturation handles
/// them); in the last phase, those that are not 1-optimal join the core saturated and the phase goes on until
/// none is left. So the final flow is 1-optimal on every arc of the full network, hence optimal, while the
/// push-relabel work only ever scans the core.
/// </summary>
/// <remarks>
/// A node's active arcs are a prefix of its adjacency: assignment arcs are sorted by cost when the network is
/// built, and an arc joins the core by swapping places with the first inactive arc of its tail, its reverse
/// likewise at the slot. Swaps stay among one node's assignment arcs, so every original arc keeps a forward
/// position of its own tail (the DIMACS export lists the same arcs).
/// </remarks>
internal sealed class CoreArcs : IArcPricer
{

    private readonly FlowGraph _g;
    private readonly int[] _end;
    private readonly int[] _assignmentNodes;

    private CoreArcs(FlowGraph g, int[] end, int[] assignmentNodes)
    {
        _g = g;
        _end = end;
        _assignmentNodes = assignmentNodes;
    }

    /// <summary>Where each node's active arcs end.</summary>
    public int[] End => _end;

    public long Activated { get; private set; }

    public int Scans { get; private set; }

    public static CoreArcs Select(MatchingNetwork network, int nearest)
    {
        var g = network.Graph;
        var first = g.First;
        var arcs = g.Arcs;
        var reverse = g.Reverse;
        var end = first[1..];
        var nodes = new List<int>();
        foreach (var v in network.LayoutOrder)
        {
            for (var node = network.HalfDayStart[v]; node >= 0 && node < network.HalfDayEnd[v]; node++)
            {
                if (first[node] + 1 < first[node + 1] && network.IsSlotNode(arcs[first[node] + 1].Head))
                {
                    nodes.Add(node);
                }
            }
        }

        // Slots keep their arc to the class; volunteer×half-days their feeding arc. Then the cheapest arcs and the flow's.
        for (var s = 0; s < network.Instance.Slots.Count; s++)
        {
            var node = network.SlotNode(s);
            end[node] = Math.Min(first[node] + 1, first[node + 1]);
        }

        var core = new CoreArcs(g, end, [.. nodes]);
        if (network.CoreArcsPerHalfDay != nearest)
        {
            throw new InvalidOperationException($"The network was laid out for a core of {network.CoreArcsPerHalfDay} arcs, not {nearest}.");
        }

        // The network was laid out for this core: each node's nearest arcs, and their reverse entries at the slots,
        // already come first. Only arcs that carry flow beyond them need moving.
        foreach (var u in nodes)
        {
            end[u] = Math.Min(first[u] + 1 + nearest, first[u + 1]);
            for (var a = first[u] + 1; a < end[u]; a++)
            {
                end[arcs[a].Head]++;
            }
        }

        foreach (var u in nodes)
        {
            var last = first[u + 1];
            for (var a = end[u]; a < last; a++)
            {
                if (arcs[reverse[a]].Residual > 0)
                {
                    core.Activate(u, a);
                }
            }
        }

        core.Activated = 0;
        return core;
    }

    public int PriceIn(CostScaling solver, long threshold, bool saturate)
    {
        var first = _g.First;
        var arcs = _g.Arcs;
        var price = solver.Prices;
        var scale = solver.Scale;
        var end = _end;
        var nodes = _assignmentNodes;
        Scans++;

        // Prices do not change while arcs are looked at, so parts of the nodes are scanned in parallel; the arcs
        // found are then activated in node order (an activation only moves arcs behind those still to come).
        var found = CostScaling.InParts(nodes.Length, (from, to, into) =>
        {
            for (var i = from; i < to; i++)
            {
                var u = nodes[i];
                var pu = price[u];
                var last = first[u + 1];
                for (var a = end[u]; a < last; a++)
                {
                    if ((arcs[a].Cost * scale) + pu - price[arcs[a].Head] < -threshold)
                    {
                        into.Add((u, a));
                    }
                }
            }
        });

        var added = 0;
        foreach (var part in found)
        {
            foreach (var (u, a) in part)
            {
                var position = Activate(u, a);
                if (saturate)
                {
                    solver.Saturate(u, position);
                }

                added++;
            }
        }

        Activated += added;
        return added;
    }

    /// <summary>Moves the inactive assignment arc at position a of node u (and its reverse) into the active prefixes.</summary>
    private int Activate(int u, int a)
    {
        var target = _end[u]++;
        if (a != target)
        {
            _g.SwapEntries(a, target);
        }

        var back = _g.Reverse[target];
        var s = _g.Arcs[target].Head;
        var slotTarget = _end[s]++;
        if (back != slotTarget)
        {
            _g.SwapEntries(back, slotTarget);
        }

        Activated++;
        return target;
    }

}
