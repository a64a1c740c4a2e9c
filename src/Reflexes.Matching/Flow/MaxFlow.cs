namespace Reflexes.Matching.Flow;

/// <summary>
/// Dinic's blocking-flow maximum flow on the residual network, augmenting on top of whatever flow it already carries.
/// The level graph is built backwards, from the sink, and the search stops at the source's level: when a greedy
/// start has already filled most of the network, only the neighbourhood of what is still open gets explored,
/// instead of every arc on each round. The blocking flow is then found forwards from the source, along arcs that
/// get one step closer to the sink. Iterative search: augmenting paths in a matching network can be long.
/// </summary>
internal static class MaxFlow
{
    private const int Unreached = -1;

    public static long Augment(FlowGraph g, int source, int sink, CancellationToken cancellationToken)
    {
        var n = g.NodeCount;
        var distance = new int[n];
        var current = new int[n];
        var queue = new int[n];
        var path = new int[n];
        var total = 0L;
        while (DistancesToSink(g, source, sink, distance, queue))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Array.Copy(g.First, current, n);
            long pushed;
            while ((pushed = OnePath(g, source, sink, distance, current, path)) > 0)
            {
                total += pushed;
            }
        }

        return total;
    }

    /// <summary>
    /// Breadth-first search backwards over residual arcs from the sink, up to the source's distance. Nodes farther
    /// from the sink than the source, or not reached, keep <see cref="Unreached"/>.
    /// </summary>
    private static bool DistancesToSink(FlowGraph g, int source, int sink, int[] distance, int[] queue)
    {
        Array.Fill(distance, Unreached);
        var first = g.First;
        var arcs = g.Arcs;
        var reverse = g.Reverse;
        distance[sink] = 0;
        var qh = 0;
        var qt = 0;
        queue[qt++] = sink;
        while (qh < qt)
        {
            var v = queue[qh++];
            var next = distance[v] + 1;
            if (distance[source] != Unreached && next > distance[source])
            {
                break;
            }

            // Arcs u→v with residual capacity are the reverses of v's entries.
            for (var b = first[v]; b < first[v + 1]; b++)
            {
                var u = arcs[b].Head;
                if (distance[u] == Unreached && arcs[reverse[b]].Residual > 0)
                {
                    distance[u] = next;
                    queue[qt++] = u;
                }
            }
        }

        return distance[source] != Unreached;
    }

    private static int OnePath(FlowGraph g, int source, int sink, int[] distance, int[] current, int[] path)
    {
        var first = g.First;
        var arcs = g.Arcs;
        var depth = 0;
        var u = source;
        while (true)
        {
            if (u == sink)
            {
                var bottleneck = int.MaxValue;
                for (var i = 0; i < depth; i++)
                {
                    bottleneck = Math.Min(bottleneck, arcs[path[i]].Residual);
                }

                for (var i = 0; i < depth; i++)
                {
                    arcs[path[i]].Residual -= bottleneck;
                    arcs[g.Reverse[path[i]]].Residual += bottleneck;
                }

                return bottleneck;
            }

            var end = first[u + 1];
            var a = current[u];
            var wanted = distance[u] - 1;
            while (a < end && (arcs[a].Residual == 0 || distance[arcs[a].Head] != wanted))
            {
                a++;
            }

            current[u] = a;
            if (a < end)
            {
                path[depth++] = a;
                u = arcs[a].Head;
                continue;
            }

            // Dead end: no blocking path goes through u any more.
            distance[u] = Unreached;
            if (depth == 0)
            {
                return 0;
            }

            depth--;
            u = arcs[g.Reverse[path[depth]]].Head;
            current[u]++;
        }
    }
}
