namespace Reflexes.Matching.Planning;

/// <summary>
/// Before the max flow of a priority class, fills what is free in one pass: each unused volunteer×half-day
/// whose volunteer still has room takes the first slot with an open place in an enabled class. These are
/// plain augmenting paths (source → volunteer → [week] → half-day → slot → class → sink), so the max flow
/// that follows stays exact; it only has less left to find.
/// </summary>
internal static class GreedyStart
{
    public static void Fill(MatchingNetwork network)
    {
        var g = network.Graph;
        var arcs = g.Arcs;
        var first = g.First;
        var reverse = g.Reverse;
        var classArc = new int[3];
        for (var p = 0; p < 3; p++)
        {
            classArc[p] = g.ForwardPosition[network.ClassArcs[p]];
        }

        foreach (var v in network.LayoutOrder)
        {
            var start = network.HalfDayStart[v];
            if (start < 0)
            {
                continue;
            }

            // Node layout: the volunteer node comes just before its week and half-day nodes; each node's first
            // residual arc is the reverse of the arc that feeds it.
            var volunteerNode = start - 1;
            var sourceArc = reverse[first[volunteerNode]];
            for (var node = start; node < network.HalfDayEnd[v] && arcs[sourceArc].Residual > 0; node++)
            {
                if (!network.IsSlotNode(arcs[first[node] + 1].Head))
                {
                    continue; // a week node
                }

                var feed = reverse[first[node]];
                if (arcs[feed].Residual == 0)
                {
                    continue; // this half-day is already used
                }

                var parent = arcs[first[node]].Head;
                var weekArc = parent == volunteerNode ? -1 : reverse[first[parent]];
                if (weekArc >= 0 && arcs[weekArc].Residual == 0)
                {
                    continue;
                }

                for (var a = first[node] + 1; a < first[node + 1]; a++)
                {
                    var slotNode = arcs[a].Head;
                    var toClass = first[slotNode];
                    var toSink = classArc[arcs[toClass].Head - MatchingNetwork.ClassNode(1)];
                    if (arcs[a].Residual == 0 || arcs[toClass].Residual == 0 || arcs[toSink].Residual == 0)
                    {
                        continue;
                    }

                    foreach (var step in (ReadOnlySpan<int>)[sourceArc, weekArc, feed, a, toClass, toSink])
                    {
                        if (step >= 0)
                        {
                            arcs[step].Residual--;
                            arcs[reverse[step]].Residual++;
                        }
                    }

                    break;
                }
            }
        }
    }
}
