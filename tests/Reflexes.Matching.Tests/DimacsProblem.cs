using System.Globalization;

namespace Reflexes.Matching.Tests;

/// <summary>
/// A DIMACS min-cost flow file read back, and solved by a plain successive-shortest-path algorithm
/// (Bellman-Ford), independent of the engine's solvers.
/// </summary>
internal sealed class DimacsProblem
{
    public int Nodes { get; private set; }

    public long DeclaredArcs { get; private set; }

    public Dictionary<int, long> Supplies { get; } = [];

    public List<(int Tail, int Head, long Low, long Capacity, long Cost)> Arcs { get; } = [];

    public static DimacsProblem Parse(string text)
    {
        var problem = new DimacsProblem();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            long N(int i) => long.Parse(f[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            switch (f[0])
            {
                case "c": break;
                case "p":
                    f[1].ShouldBe("min");
                    problem.Nodes = (int)N(2);
                    problem.DeclaredArcs = N(3);
                    break;
                case "n": problem.Supplies[(int)N(1)] = N(2); break;
                case "a": problem.Arcs.Add(((int)N(1), (int)N(2), N(3), N(4), N(5))); break;
                default: throw new FormatException($"Unexpected DIMACS line: {line}");
            }
        }

        return problem;
    }

    public long MinimumCost()
    {
        var n = Nodes + 1;
        var tails = new List<int>();
        var heads = new List<int>();
        var caps = new List<long>();
        var costs = new List<long>();
        foreach (var (t, h, _, c, w) in Arcs)
        {
            tails.Add(t); heads.Add(h); caps.Add(c); costs.Add(w);
            tails.Add(h); heads.Add(t); caps.Add(0); costs.Add(-w);
        }

        if (Supplies.Values.All(s => s == 0))
        {
            return 0;
        }

        var source = Supplies.Single(s => s.Value > 0);
        var sink = Supplies.Single(s => s.Value < 0).Key;
        var remaining = source.Value;
        var total = 0L;
        while (remaining > 0)
        {
            var distance = Enumerable.Repeat(long.MaxValue, n).ToArray();
            var via = Enumerable.Repeat(-1, n).ToArray();
            distance[source.Key] = 0;
            for (var round = 0; round < n; round++)
            {
                var changed = false;
                for (var a = 0; a < tails.Count; a++)
                {
                    if (caps[a] > 0 && distance[tails[a]] != long.MaxValue && distance[tails[a]] + costs[a] < distance[heads[a]])
                    {
                        distance[heads[a]] = distance[tails[a]] + costs[a];
                        via[heads[a]] = a;
                        changed = true;
                    }
                }

                if (!changed)
                {
                    break;
                }
            }

            distance[sink].ShouldNotBe(long.MaxValue, "the DIMACS problem has no feasible flow");
            var push = remaining;
            for (var v = sink; v != source.Key; v = tails[via[v]])
            {
                push = Math.Min(push, caps[via[v]]);
            }

            for (var v = sink; v != source.Key; v = tails[via[v]])
            {
                caps[via[v]] -= push;
                caps[via[v] ^ 1] += push;
            }

            total += push * distance[sink];
            remaining -= push;
        }

        return total;
    }
}
