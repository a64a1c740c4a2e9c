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

        // Each slot's open places and class, side by side in small arrays: the pass below asks about a slot for
        // every arc it looks at, and most answers are "full".
        var slotCount = network.Instance.Slots.Count;
        var openPlaces = new int[slotCount];
        var classOf = new byte[slotCount];
        for (var i = 0; i < slotCount; i++)
        {
            var toClass = first[MatchingNetwork.FirstSlotNode + i];
            if (toClass < first[MatchingNetwork.FirstSlotNode + i + 1])
            {
                openPlaces[i] = arcs[toClass].Residual;
                classOf[i] = (byte)(arcs[toClass].Head - MatchingNetwork.ClassNode(1));
            }
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
                    var slot = arcs[a].Head - MatchingNetwork.FirstSlotNode;
                    if (arcs[a].Residual == 0 || openPlaces[slot] == 0)
                    {
                        continue;
                    }

                    var toSink = classArc[classOf[slot]];
                    if (arcs[toSink].Residual == 0)
                    {
                        continue;
                    }

                    var toClass = first[arcs[a].Head];
                    openPlaces[slot]--;

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
