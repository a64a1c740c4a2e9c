using Reflexes.Matching.Flow;

namespace Reflexes.Matching.Tests.Flow;

/// <summary>One arc of a network described independently of its residual layout.</summary>
internal readonly record struct ArcSpec(int Tail, int Head, int Capacity, long Cost, bool Late = false);

/// <summary>
/// Reference algorithms for flow tests, written plainly and independently of the engine's solvers: Edmonds-Karp
/// on a capacity matrix, negative-cycle cancelling with Bellman-Ford, and checks of a flow read through
/// <see cref="FlowGraph"/>'s description of each original arc.
/// </summary>
internal static class FlowReference
{
    public static FlowGraph Build(int nodes, IReadOnlyList<ArcSpec> arcs)
    {
        var builder = new FlowGraphBuilder();
        builder.AddNodes(nodes);
        foreach (var arc in arcs)
        {
            builder.AddArc(arc.Tail, arc.Head, arc.Capacity, arc.Cost, arc.Late);
        }

        return builder.Build();
    }

    public static FlowGraph Copy(FlowGraph g) =>
        new(g.NodeCount, [.. g.First], [.. g.Arcs], [.. g.Reverse], [.. g.ForwardPosition]);

    /// <summary>Maximum flow value from zero flow, by shortest augmenting paths on a capacity matrix (parallel arcs summed).</summary>
    public static long EdmondsKarp(int nodes, IReadOnlyList<ArcSpec> arcs, int source, int sink)
    {
        var capacity = new long[nodes, nodes];
        foreach (var arc in arcs)
        {
            if (arc.Tail != arc.Head)
            {
                capacity[arc.Tail, arc.Head] += arc.Capacity;
            }
        }

        var total = 0L;
        var parent = new int[nodes];
        while (true)
        {
            Array.Fill(parent, -1);
            parent[source] = source;
            var queue = new Queue<int>();
            queue.Enqueue(source);
            while (queue.Count > 0 && parent[sink] < 0)
            {
                var u = queue.Dequeue();
                for (var v = 0; v < nodes; v++)
                {
                    if (parent[v] < 0 && capacity[u, v] > 0)
                    {
                        parent[v] = u;
                        queue.Enqueue(v);
                    }
                }
            }

            if (parent[sink] < 0)
            {
                return total;
            }

            var push = long.MaxValue;
            for (var v = sink; v != source; v = parent[v])
            {
                push = Math.Min(push, capacity[parent[v], v]);
            }

            for (var v = sink; v != source; v = parent[v])
            {
                capacity[parent[v], v] -= push;
                capacity[v, parent[v]] += push;
            }

            total += push;
        }
    }

    /// <summary>
    /// Checks that the graph still describes the original arcs and that its flow respects their capacities and
    /// conservation at every node except the source and sink; returns the net flow out of the source.
    /// </summary>
    public static long CheckedFlowValue(FlowGraph g, IReadOnlyList<ArcSpec> arcs, int source, int sink)
    {
        g.ArcCount.ShouldBe(arcs.Count);
        var net = new long[g.NodeCount];
        for (var i = 0; i < arcs.Count; i++)
        {
            g.Tail(i).ShouldBe(arcs[i].Tail);
            g.HeadOf(i).ShouldBe(arcs[i].Head);
            g.CostOf(i).ShouldBe(arcs[i].Cost);
            g.Capacity(i).ShouldBe(arcs[i].Capacity);
            var flow = g.Flow(i);
            flow.ShouldBeInRange(0, arcs[i].Capacity, $"flow on arc {i}");
            net[arcs[i].Tail] += flow;
            net[arcs[i].Head] -= flow;
        }

        for (var u = 0; u < g.NodeCount; u++)
        {
            if (u != source && u != sink)
            {
                net[u].ShouldBe(0, $"flow conservation at node {u}");
            }
        }

        return net[source];
    }

    public static long[] Flows(FlowGraph g) => [.. Enumerable.Range(0, g.ArcCount).Select(i => (long)g.Flow(i))];

    public static long Cost(FlowGraph g, IReadOnlyList<ArcSpec> arcs) =>
        Enumerable.Range(0, arcs.Count).Sum(i => g.Flow(i) * arcs[i].Cost);

    /// <summary>Whether a path of residual arcs leads from one node to another (breadth-first over the residual layout).</summary>
    public static bool Reaches(FlowGraph g, int from, int to)
    {
        var seen = new bool[g.NodeCount];
        var queue = new Queue<int>();
        seen[from] = true;
        queue.Enqueue(from);
        while (queue.Count > 0)
        {
            var u = queue.Dequeue();
            for (var a = g.First[u]; a < g.First[u + 1]; a++)
            {
                var v = g.Arcs[a].Head;
                if (g.Arcs[a].Residual > 0 && !seen[v])
                {
                    seen[v] = true;
                    queue.Enqueue(v);
                }
            }
        }

        return seen[to];
    }

    /// <summary>
    /// The least cost of a flow with the same supplies as <paramref name="flow"/> (a valid flow on the arcs),
    /// found by cancelling negative cycles of the residual network, one Bellman-Ford search at a time.
    /// </summary>
    public static long MinimumCostFromFlow(int nodes, IReadOnlyList<ArcSpec> arcs, long[] flow)
    {
        var current = (long[])flow.Clone();
        var distance = new long[nodes];
        var via = new int[nodes];
        while (true)
        {
            // Residual arc 2i goes forward along arc i, 2i+1 backward.
            Array.Fill(distance, 0);
            Array.Fill(via, -1);
            var updated = -1;
            for (var round = 0; round < nodes; round++)
            {
                updated = -1;
                for (var r = 0; r < 2 * arcs.Count; r++)
                {
                    var arc = arcs[r / 2];
                    var forward = r % 2 == 0;
                    var residual = forward ? arc.Capacity - current[r / 2] : current[r / 2];
                    var (from, to, cost) = forward ? (arc.Tail, arc.Head, arc.Cost) : (arc.Head, arc.Tail, -arc.Cost);
                    if (residual > 0 && distance[from] + cost < distance[to])
                    {
                        distance[to] = distance[from] + cost;
                        via[to] = r;
                        updated = to;
                    }
                }

                if (updated < 0)
                {
                    break;
                }
            }

            if (updated < 0)
            {
                return Enumerable.Range(0, arcs.Count).Sum(i => current[i] * arcs[i].Cost);
            }

            // Still improving after n rounds: walking back n steps lands on a negative cycle.
            var x = updated;
            for (var i = 0; i < nodes; i++)
            {
                x = From(arcs, via[x]);
            }

            var cycle = new List<int>();
            var y = x;
            do
            {
                cycle.Add(via[y]);
                y = From(arcs, via[y]);
            }
            while (y != x);

            var push = cycle.Min(r => r % 2 == 0 ? arcs[r / 2].Capacity - current[r / 2] : current[r / 2]);
            push.ShouldBeGreaterThan(0);
            foreach (var r in cycle)
            {
                current[r / 2] += r % 2 == 0 ? push : -push;
            }
        }
    }

    private static int From(IReadOnlyList<ArcSpec> arcs, int r) => r % 2 == 0 ? arcs[r / 2].Tail : arcs[r / 2].Head;

    /// <summary>Pushes units along residual positions, as an augmenting path or cycle found by hand would.</summary>
    public static void Push(FlowGraph g, IReadOnlyList<int> positions, int amount)
    {
        foreach (var p in positions)
        {
            g.Arcs[p].Residual -= amount;
            g.Arcs[g.Reverse[p]].Residual += amount;
        }
    }

    /// <summary>
    /// A simple path of residual positions from one node to another (a cycle when they are the same), by a randomised
    /// depth-first search; null if none.
    /// </summary>
    public static List<int>? RandomPath(FlowGraph g, int from, int to, Random random)
    {
        var seen = new bool[g.NodeCount];
        var path = new List<int>();
        return Search(from) ? path : null;

        bool Search(int u)
        {
            if (u == to && path.Count > 0)
            {
                return true;
            }

            seen[u] = true;
            var positions = Enumerable.Range(g.First[u], g.First[u + 1] - g.First[u]).OrderBy(_ => random.Next()).ToList();
            foreach (var a in positions)
            {
                var v = g.Arcs[a].Head;
                if (g.Arcs[a].Residual > 0 && (v == to || !seen[v]))
                {
                    path.Add(a);
                    if (Search(v))
                    {
                        return true;
                    }

                    path.RemoveAt(path.Count - 1);
                }
            }

            return false;
        }
    }

    public static int Bottleneck(FlowGraph g, IEnumerable<int> positions) => positions.Min(p => g.Arcs[p].Residual);
}
