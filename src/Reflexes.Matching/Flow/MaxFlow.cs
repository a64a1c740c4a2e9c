namespace Reflexes.Matching.Flow;

/// <summary>
/// Dinic's blocking-flow maximum flow on the residual network, augmenting on top of whatever flow it already carries.
/// Iterative search: augmenting paths in a matching network can be long.
/// </summary>
internal static class MaxFlow
{
    public static long Augment(FlowGraph g, int source, int sink, CancellationToken cancellationToken)
    {
        var n = g.NodeCount;
        var level = new int[n];
        var current = new int[n];
        var queue = new int[n];
        var path = new int[n];
        var total = 0L;
        while (Levels(g, source, sink, level, queue))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Array.Copy(g.First, current, n);
            long pushed;
            while ((pushed = OnePath(g, source, sink, level, current, path)) > 0)
            {
                total += pushed;
            }
        }

        return total;
    }

    private static bool Levels(FlowGraph g, int source, int sink, int[] level, int[] queue)
    {
        Array.Fill(level, -1);
        var first = g.First;
        var arcs = g.Arcs;
        level[source] = 0;
        var qh = 0;
        var qt = 0;
        queue[qt++] = source;
        while (qh < qt)
        {
            var u = queue[qh++];
            if (u == sink)
            {
                continue;
            }

            var next = level[u] + 1;
            for (var a = first[u]; a < first[u + 1]; a++)
            {
                var v = arcs[a].Head;
                if (arcs[a].Residual > 0 && level[v] < 0)
                {
                    level[v] = next;
                    queue[qt++] = v;
                }
            }
        }

        return level[sink] >= 0;
    }

    private static int OnePath(FlowGraph g, int source, int sink, int[] level, int[] current, int[] path)
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
            var wanted = level[u] + 1;
            while (a < end && (arcs[a].Residual == 0 || level[arcs[a].Head] != wanted))
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
            level[u] = -1;
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
