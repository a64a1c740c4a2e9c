using Reflexes.Matching.Flow;

namespace Reflexes.Matching.Tests.Flow;

/// <summary>The residual layout: entries per node in the order arcs were added, late reverse entries last.</summary>
public sealed class FlowGraphBuilderTests
{
    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 8000; seed < 8060; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Late_reverse_entries_come_last_at_their_head_and_the_others_keep_the_order_arcs_were_added(int seed)
    {
        var random = new Random(seed);
        var nodes = random.Next(1, 30);
        var arcs = Enumerable.Range(0, random.Next(0, 5 * nodes))
            .Select(_ => new ArcSpec(random.Next(nodes), random.Next(nodes), random.Next(0, 20), random.Next(-50, 50), random.Next(3) == 0))
            .ToList();

        var g = FlowReference.Build(nodes, arcs);

        ShouldBeLaidOutAsAdded(g, nodes, arcs);
    }

    [Fact]
    public void Late_flags_are_kept_apart_for_arcs_beyond_the_first_block_of_a_million()
    {
        // The builder stores arcs in blocks of 2^20: flags must follow their arcs across the boundary.
        var random = new Random(8100);
        const int nodes = 50;
        var arcs = Enumerable.Range(0, (1 << 20) + 3000)
            .Select(i => new ArcSpec(random.Next(nodes), random.Next(nodes), 1 + (i % 7), i % 11, random.Next(5) == 0))
            .ToList();

        var g = FlowReference.Build(nodes, arcs);

        ShouldBeLaidOutAsAdded(g, nodes, arcs);
    }

    [Fact]
    public void An_arc_added_late_at_a_node_goes_after_arcs_added_after_it()
    {
        var builder = new FlowGraphBuilder();
        builder.AddNodes(4);
        var late = builder.AddArc(0, 3, 1, 7, lateAtHead: true);
        var early = builder.AddArc(1, 3, 1, 5);
        var outgoing = builder.AddArc(3, 2, 4, 1);

        var g = builder.Build();

        var node = g.First[3];
        g.First[4].ShouldBe(node + 3);
        g.Reverse[g.ForwardPosition[early]].ShouldBe(node);
        g.ForwardPosition[outgoing].ShouldBe(node + 1);
        g.Reverse[g.ForwardPosition[late]].ShouldBe(node + 2);
        (g.Arcs[node + 2].Head, g.Arcs[node + 2].Residual, g.Arcs[node + 2].Cost).ShouldBe((0, 0, -7L));
    }

    private static void ShouldBeLaidOutAsAdded(FlowGraph g, int nodes, List<ArcSpec> arcs)
    {
        var m = arcs.Count;
        g.NodeCount.ShouldBe(nodes);
        g.ArcCount.ShouldBe(m);
        g.First.Length.ShouldBe(nodes + 1);
        g.First[0].ShouldBe(0);
        g.First[nodes].ShouldBe(2 * m);
        g.Arcs.Length.ShouldBe(2 * m);

        // Reverse pairs every forward position with a reverse one, and is its own inverse.
        var owner = new int[2 * m];
        var forward = new bool[2 * m];
        Array.Fill(owner, -1);
        for (var i = 0; i < m; i++)
        {
            var a = g.ForwardPosition[i];
            var b = g.Reverse[a];
            b.ShouldNotBe(a);
            g.Reverse[b].ShouldBe(a);
            owner[a].ShouldBe(-1);
            owner[b].ShouldBe(-1);
            owner[a] = owner[b] = i;
            forward[a] = true;
        }

        owner.ShouldAllBe(i => i >= 0);

        // Each arc is described as it was added.
        for (var i = 0; i < m; i++)
        {
            var arc = arcs[i];
            (g.Tail(i), g.HeadOf(i), g.Capacity(i), g.CostOf(i), g.Flow(i)).ShouldBe((arc.Tail, arc.Head, arc.Capacity, arc.Cost, 0));
            var a = g.ForwardPosition[i];
            (g.Arcs[a].Head, g.Arcs[a].Residual, g.Arcs[a].Cost).ShouldBe((arc.Head, arc.Capacity, arc.Cost));
            var b = g.Reverse[a];
            (g.Arcs[b].Head, g.Arcs[b].Residual, g.Arcs[b].Cost).ShouldBe((arc.Tail, 0, -arc.Cost));
        }

        // At each node: forward entries and reverse entries of arcs that are not late, in the order arcs were added,
        // then the reverse entries of late arcs, in the order they were added.
        var expected = new List<(int Arc, bool Forward)>[nodes];
        var lateEntries = new List<(int Arc, bool Forward)>[nodes];
        for (var u = 0; u < nodes; u++)
        {
            expected[u] = [];
            lateEntries[u] = [];
        }

        for (var i = 0; i < m; i++)
        {
            expected[arcs[i].Tail].Add((i, true));
            (arcs[i].Late ? lateEntries : expected)[arcs[i].Head].Add((i, false));
        }

        for (var u = 0; u < nodes; u++)
        {
            var actual = Enumerable.Range(g.First[u], g.First[u + 1] - g.First[u]).Select(p => (owner[p], forward[p])).ToList();
            actual.ShouldBe([.. expected[u], .. lateEntries[u]], $"entries of node {u}");
        }
    }
}
