using Reflexes.Matching.Flow;
using Reflexes.Matching.Model;
using Reflexes.Matching.Planning;
using Reflexes.Matching.Tests.Flow;

namespace Reflexes.Matching.Tests.Planning;

/// <summary>
/// The core cost scaling starts from, on a network laid out for it at build time: each volunteer×half-day's
/// nearest arcs and the arcs carrying flow are active, and each slot's active entries are their reverses.
/// </summary>
public sealed class CoreArcsTests
{
    public static TheoryData<int, int> MediumInstances()
    {
        var data = new TheoryData<int, int>();
        foreach (var core in new[] { 1, 3, 30 })
        {
            for (var seed = 1; seed <= 6; seed++)
            {
                data.Add(seed, core);
            }
        }

        return data;
    }

    public static TheoryData<int, int> SmallInstances()
    {
        var data = new TheoryData<int, int>();
        foreach (var core in new[] { 1, 3, 30 })
        {
            for (var seed = 3200; seed < 3240; seed++)
            {
                data.Add(seed, core);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MediumInstances))]
    public void Each_half_day_activates_its_nearest_arcs_and_those_carrying_flow_on_medium_instances(int seed, int core)
    {
        var beyondNearest = ShouldSelectTheCore(RandomInstances.Medium(seed), core);

        if (core == 1)
        {
            // With a single nearest arc, the coverage flow uses others too: their activation is exercised.
            beyondNearest.ShouldBeGreaterThan(0);
        }
    }

    [Theory]
    [MemberData(nameof(SmallInstances))]
    public void Each_half_day_activates_its_nearest_arcs_and_those_carrying_flow_on_small_instances(int seed, int core) =>
        ShouldSelectTheCore(RandomInstances.Create(seed, maxPairs: 40), core);

    [Fact]
    public void Selecting_a_core_other_than_the_one_the_network_was_laid_out_for_is_refused()
    {
        var instance = RandomInstances.Medium(1);
        var network = MatchingNetwork.Build(instance, new Eligibility(instance), [], [], coreArcsPerHalfDay: 3);

        Should.Throw<InvalidOperationException>(() => CoreArcs.Select(network, 5)).Message.ShouldContain("core of 3");
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 3)]
    [InlineData(3, 30)]
    public void From_where_a_node_says_its_unit_arcs_begin_every_entry_is_half_of_an_arc_of_capacity_one(int seed, int core)
    {
        var instance = RandomInstances.Medium(seed);
        var network = MatchingNetwork.Build(instance, new Eligibility(instance), [], [], core);
        var g = network.Graph;
        CoverageFlow(network);

        var unitFrom = network.UnitArcsFrom();

        var halves = 0;
        for (var u = 0; u < g.NodeCount; u++)
        {
            unitFrom[u].ShouldBeInRange(g.First[u], g.First[u + 1]);
            for (var p = unitFrom[u]; p < g.First[u + 1]; p++)
            {
                (g.Arcs[p].Residual + g.Arcs[g.Reverse[p]].Residual).ShouldBe(1, $"entry {p} of node {u}");
                halves++;
            }
        }

        // Slots (the gathered nodes) have unit entries right after their arc to their class.
        for (var s = 0; s < instance.Slots.Count; s++)
        {
            var node = network.SlotNode(s);
            unitFrom[node].ShouldBe(Math.Min(g.First[node] + 1, g.First[node + 1]));
        }

        halves.ShouldBeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(MediumInstances))]
    public void Cost_scaling_on_the_core_with_gathered_slots_ends_optimal_on_the_whole_network(int seed, int core)
    {
        var instance = RandomInstances.Medium(seed);
        var network = MatchingNetwork.Build(instance, new Eligibility(instance), [], [], core);
        var g = network.Graph;
        CoverageFlow(network);
        for (var p = 0; p < 3; p++)
        {
            g.SetCapacity(network.ClassArcs[p], g.Flow(network.ClassArcs[p]));
        }

        var arcs = Enumerable.Range(0, g.ArcCount).Select(i => new ArcSpec(g.Tail(i), g.HeadOf(i), g.Capacity(i), g.CostOf(i))).ToList();
        var optimum = FlowReference.MinimumCostFromFlow(g.NodeCount, arcs, FlowReference.Flows(g));
        var whole = FlowReference.Copy(g);
        var slots = (MatchingNetwork.FirstSlotNode, MatchingNetwork.FirstSlotNode + instance.Slots.Count);

        var selected = CoreArcs.Select(network, core);
        var solver = CostScaling.Minimise(g, selected.End, selected, slots, network.UnitArcsFrom(), CancellationToken.None);
        CostScaling.Minimise(whole, CancellationToken.None);

        // Prices certify every residual arc, active or not: the flow is 1-optimal in costs scaled by n+1, hence optimal.
        for (var u = 0; u < g.NodeCount; u++)
        {
            for (var a = g.First[u]; a < g.First[u + 1]; a++)
            {
                if (g.Arcs[a].Residual > 0)
                {
                    ((g.Arcs[a].Cost * solver.Scale) + solver.Prices[u] - solver.Prices[g.Arcs[a].Head]).ShouldBeGreaterThanOrEqualTo(-1);
                }
            }
        }

        FlowCost(g, arcs).ShouldBe(optimum);
        FlowCost(whole, arcs).ShouldBe(optimum);
        for (var p = 0; p < 3; p++)
        {
            g.Flow(network.ClassArcs[p]).ShouldBe(whole.Flow(network.ClassArcs[p]));
        }

        // Each slot ends with its residual entries after the class arc in front, and all of them active.
        for (var s = 0; s < instance.Slots.Count; s++)
        {
            var node = network.SlotNode(s);
            var residual = Enumerable.Range(g.First[node] + 1, Math.Max(0, g.First[node + 1] - g.First[node] - 1))
                .Where(p => g.Arcs[p].Residual > 0).ToList();
            residual.ShouldBe(Enumerable.Range(g.First[node] + 1, residual.Count), $"residual entries of slot {s}");
            residual.ShouldAllBe(p => p < selected.End[node]);
        }
    }

    /// <summary>
    /// The cost of the flow, from residual entries only (positions of swapped arcs no longer follow their index):
    /// each arc contributes c·(capacity − flow) at its tail and −c·flow at its head.
    /// </summary>
    private static long FlowCost(FlowGraph g, List<ArcSpec> arcs)
    {
        var residualCost = g.Arcs.Sum(a => a.Cost * a.Residual);
        var fullCost = arcs.Sum(a => a.Cost * a.Capacity);
        ((fullCost - residualCost) % 2).ShouldBe(0);
        return (fullCost - residualCost) / 2;
    }

    /// <summary>Checks the selected core; returns how many active arcs beyond the nearest ones carry flow.</summary>
    /// <remarks>
    /// Activation swaps arcs within their tail's entries (and reverses within their slot's), so an assignment arc is
    /// known by its tail and slot, each volunteer×half-day having at most one arc to a slot.
    /// </remarks>
    private static int ShouldSelectTheCore(MatchingInstance instance, int core)
    {
        var network = MatchingNetwork.Build(instance, new Eligibility(instance), [], [], core);
        var g = network.Graph;
        CoverageFlow(network);
        var before = Entries(g);

        // Each volunteer×half-day's assignment arcs (their slot nodes), in the order they were added.
        var assignment = Enumerable.Range(0, g.ArcCount)
            .Where(i => network.IsSlotNode(g.HeadOf(i)))
            .GroupBy(g.Tail)
            .ToDictionary(group => group.Key, group => group.ToList());
        var nearest = new Dictionary<int, List<int>>();
        foreach (var (u, arcs) in assignment)
        {
            arcs.Select(g.CostOf).ShouldBeInOrder(SortDirection.Ascending, $"arcs of node {u} laid out nearest first");
            arcs.Select(g.HeadOf).ShouldBeUnique();
            nearest[u] = [.. arcs.Take(core).Select(g.HeadOf)];
        }

        var end = CoreArcs.Select(network, core).End;

        Entries(g).ShouldBe(before, "each node keeps the same entries, residual capacities and costs");
        for (var p = 0; p < g.Arcs.Length; p++)
        {
            g.Reverse[g.Reverse[p]].ShouldBe(p);
        }

        var activeAtSlot = new List<int>[g.NodeCount];
        var beyondNearest = 0;
        foreach (var u in assignment.Keys)
        {
            // The node's first entry still feeds it; its active assignment arcs follow.
            network.IsSlotNode(g.Arcs[g.First[u]].Head).ShouldBeFalse();
            var positions = Enumerable.Range(g.First[u] + 1, g.First[u + 1] - g.First[u] - 1).ToList();
            var carrying = positions.Where(p => g.Arcs[g.Reverse[p]].Residual > 0).Select(p => g.Arcs[p].Head).ToList();
            carrying.Count.ShouldBeLessThanOrEqualTo(1);
            beyondNearest += carrying.Except(nearest[u]).Count();
            var active = positions.Where(p => p < end[u]).ToList();
            active.Select(p => g.Arcs[p].Head).Order().ShouldBe(nearest[u].Union(carrying).Order(), $"active arcs of node {u}");
            foreach (var p in active)
            {
                (activeAtSlot[g.Arcs[p].Head] ??= []).Add(g.Reverse[p]);
            }
        }

        for (var s = 0; s < instance.Slots.Count; s++)
        {
            var node = network.SlotNode(s);
            var reverses = (activeAtSlot[node] ?? []).Order().ToList();
            if (g.First[node] == g.First[node + 1])
            {
                end[node].ShouldBe(g.First[node]);
                reverses.ShouldBeEmpty();
                continue;
            }

            // The arc to the class first, then exactly the reverse entries of the active arcs into the slot.
            g.Arcs[g.First[node]].Head.ShouldBeInRange(MatchingNetwork.ClassNode(1), MatchingNetwork.ClassNode(3));
            Enumerable.Range(g.First[node] + 1, end[node] - g.First[node] - 1).ShouldBe(reverses, $"active entries of slot {s}");
        }

        for (var u = 0; u < g.NodeCount; u++)
        {
            if (!assignment.ContainsKey(u) && !network.IsSlotNode(u))
            {
                end[u].ShouldBe(g.First[u + 1], $"node {u} keeps all its arcs");
            }
        }

        return beyondNearest;
    }

    /// <summary>Level 1 of the engine: each priority class in turn filled by the greedy start and max flow.</summary>
    private static void CoverageFlow(MatchingNetwork network)
    {
        var g = network.Graph;
        for (var p = 0; p < 3; p++)
        {
            g.SetCapacity(network.ClassArcs[p], (int)Math.Min(int.MaxValue, network.ClassPlaces[p]));
            GreedyStart.Fill(network);
            MaxFlow.Augment(g, MatchingNetwork.Source, MatchingNetwork.Sink, CancellationToken.None);
        }
    }

    /// <summary>Each node's entries as (node, head, residual, cost, head of the reverse), in a fixed order.</summary>
    private static List<(int Node, int Head, int Residual, long Cost, int ReverseHead)> Entries(FlowGraph g) =>
        [.. Enumerable.Range(0, g.NodeCount).SelectMany(u => Enumerable.Range(g.First[u], g.First[u + 1] - g.First[u])
            .Select(p => (u, g.Arcs[p].Head, g.Arcs[p].Residual, g.Arcs[p].Cost, g.Arcs[g.Reverse[p]].Head))
            .Order())];
}
