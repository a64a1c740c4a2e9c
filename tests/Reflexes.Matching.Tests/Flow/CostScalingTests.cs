using Reflexes.Matching.Flow;

namespace Reflexes.Matching.Tests.Flow;

/// <summary>
/// Cost scaling with gathered nodes (residual arcs kept at the front) and unit arcs read without reverse look-ups,
/// on random layered networks shaped like the matching network: source → left nodes → unit arcs → right nodes →
/// sink-side nodes → sink, each right node's first arc going to its sink-side node.
/// </summary>
public sealed class CostScalingTests
{
    private const int Source = 0;
    private const int Sink = 1;

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 9000; seed < 9300; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Gathered_nodes_and_unit_arcs_reach_the_minimum_cost_of_plain_cost_scaling_and_of_cycle_cancelling(int seed)
    {
        var random = new Random(seed);
        var network = RandomLayeredNetwork(random);
        var g = FlowReference.Build(network.Nodes, network.Arcs);
        StartingFlow(g, network, random);
        var value = FlowReference.CheckedFlowValue(g, network.Arcs, Source, Sink);
        var optimum = FlowReference.MinimumCostFromFlow(network.Nodes, network.Arcs, FlowReference.Flows(g));
        var plain = FlowReference.Copy(g);

        var gathered = CostScaling.Minimise(g, null, null, (network.RightFrom, network.RightTo), network.UnitFrom(g), CancellationToken.None);
        var whole = CostScaling.Minimise(plain, CancellationToken.None);

        ShouldBeOneOptimal(g, gathered);
        ShouldBeOneOptimal(plain, whole);
        FlowReference.CheckedFlowValue(g, network.Arcs, Source, Sink).ShouldBe(value);
        FlowReference.CheckedFlowValue(plain, network.Arcs, Source, Sink).ShouldBe(value);
        FlowReference.Cost(g, network.Arcs).ShouldBe(optimum);
        FlowReference.Cost(plain, network.Arcs).ShouldBe(optimum);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_gathered_node_ends_with_its_residual_arcs_after_the_first_in_front(int seed)
    {
        var random = new Random(seed);
        var network = RandomLayeredNetwork(random);
        var g = FlowReference.Build(network.Nodes, network.Arcs);
        StartingFlow(g, network, random);

        CostScaling.Minimise(g, null, null, (network.RightFrom, network.RightTo), network.UnitFrom(g), CancellationToken.None);

        for (var u = network.RightFrom; u < network.RightTo; u++)
        {
            // The first entry stays the arc to the sink side.
            if (g.First[u] < g.First[u + 1])
            {
                g.Arcs[g.First[u]].Head.ShouldBeLessThan(network.RightFrom);
                g.Arcs[g.First[u]].Head.ShouldBeGreaterThan(Sink);
            }

            var residual = Enumerable.Range(g.First[u] + 1, Math.Max(0, g.First[u + 1] - g.First[u] - 1))
                .Select(p => g.Arcs[p].Residual > 0).ToList();
            residual.SkipWhile(r => r).ShouldAllBe(r => !r, $"residual entries of node {u}: {string.Join(",", residual)}");
        }
    }

    [Fact]
    public void A_gathered_node_uses_a_residual_entry_that_sits_behind_entries_without_residual_capacity()
    {
        // Right node 2 has, after its arc to the sink side (3), reverse entries of arcs from 4, 5, 6; only 6's carries flow.
        ArcSpec[] arcs =
        [
            new(2, 3, 3, 0), new(3, Sink, 3, 0),
            new(Source, 4, 1, 0), new(Source, 5, 1, 0), new(Source, 6, 1, 0),
            new(4, 2, 1, 9), new(5, 2, 1, 9), new(6, 2, 1, 9), new(6, 3, 1, 1),
        ];
        var g = FlowReference.Build(7, arcs);
        FlowReference.Push(g, [g.ForwardPosition[4], g.ForwardPosition[7], g.ForwardPosition[0], g.ForwardPosition[1]], 1);

        CostScaling.Minimise(g, null, null, (2, 3), null, CancellationToken.None);

        // The unit of 6 can only move to its cheap direct arc by going back from 2 over its last entry.
        FlowReference.CheckedFlowValue(g, arcs, Source, Sink).ShouldBe(1);
        FlowReference.Cost(g, arcs).ShouldBe(1);
        g.Flow(8).ShouldBe(1);
        Enumerable.Range(g.First[2] + 1, 3).ShouldAllBe(p => g.Arcs[p].Residual == 0);
    }

    /// <summary>The final prices certify the flow: no residual arc has a reduced cost below -1 in scaled costs.</summary>
    private static void ShouldBeOneOptimal(FlowGraph g, CostScaling solver)
    {
        var price = solver.Prices;
        for (var u = 0; u < g.NodeCount; u++)
        {
            for (var a = g.First[u]; a < g.First[u + 1]; a++)
            {
                if (g.Arcs[a].Residual > 0)
                {
                    var reduced = (g.Arcs[a].Cost * solver.Scale) + price[u] - price[g.Arcs[a].Head];
                    reduced.ShouldBeGreaterThanOrEqualTo(-1, $"residual entry {a} of node {u}");
                }
            }
        }
    }

    /// <summary>Max flow, or, half of the time, a smaller flow: the max flow under lowered sink capacities, then restored.</summary>
    private static void StartingFlow(FlowGraph g, LayeredNetwork network, Random random)
    {
        var lowered = random.Next(2) == 0;
        if (lowered)
        {
            foreach (var arc in network.SinkArcs)
            {
                g.SetCapacity(arc, random.Next(0, network.Arcs[arc].Capacity + 1));
            }
        }

        MaxFlow.Augment(g, Source, Sink, CancellationToken.None);
        if (lowered)
        {
            foreach (var arc in network.SinkArcs)
            {
                g.SetCapacity(arc, network.Arcs[arc].Capacity);
            }
        }
    }

    private sealed record LayeredNetwork(int Nodes, List<ArcSpec> Arcs, int RightFrom, int RightTo, List<int> SinkArcs, bool[] UnitFeed)
    {
        /// <summary>
        /// From where each node's entries are halves of unit arcs: a right node's after its first, a left node's all of
        /// them when it is fed by a unit arc, else after its first; other nodes have none.
        /// </summary>
        public int[] UnitFrom(FlowGraph g)
        {
            var unit = g.First[1..];
            for (var u = RightFrom; u < RightTo; u++)
            {
                unit[u] = Math.Min(g.First[u] + 1, g.First[u + 1]);
            }

            for (var u = RightTo; u < Nodes; u++)
            {
                unit[u] = UnitFeed[u] ? g.First[u] : g.First[u] + 1;
            }

            return unit;
        }
    }

    private static LayeredNetwork RandomLayeredNetwork(Random random)
    {
        var sides = random.Next(1, 4);
        var right = random.Next(1, 15);
        var left = random.Next(1, 20);
        var rightFrom = 2 + sides;
        var leftFrom = rightFrom + right;
        var nodes = leftFrom + left;
        var arcs = new List<ArcSpec>();

        // Each right node's arc to the sink side comes first among its entries.
        var sideCapacity = new int[sides];
        for (var r = 0; r < right; r++)
        {
            var side = random.Next(sides);
            var capacity = random.Next(1, 4);
            sideCapacity[side] += capacity;
            arcs.Add(new ArcSpec(rightFrom + r, 2 + side, capacity, random.Next(0, 6)));
        }

        var sinkArcs = new List<int>();
        for (var side = 0; side < sides; side++)
        {
            sinkArcs.Add(arcs.Count);
            arcs.Add(new ArcSpec(2 + side, Sink, random.Next(0, sideCapacity[side] + 1), random.Next(0, 3)));
        }

        var unitFeed = new bool[nodes];
        for (var l = leftFrom; l < nodes; l++)
        {
            var feed = random.Next(1, 4);
            unitFeed[l] = feed == 1;
            arcs.Add(new ArcSpec(Source, l, feed, 0));
            for (var r = 0; r < right; r++)
            {
                if (random.NextDouble() < 0.4)
                {
                    // Costs like distances, sometimes one less for a kept proposal; now and then a parallel arc.
                    var copies = random.Next(10) == 0 ? 2 : 1;
                    for (var c = 0; c < copies; c++)
                    {
                        arcs.Add(new ArcSpec(l, rightFrom + r, 1, random.Next(0, 40) - random.Next(2), random.Next(3) == 0));
                    }
                }
            }
        }

        return new LayeredNetwork(nodes, arcs, rightFrom, leftFrom, sinkArcs, unitFeed);
    }
}
