using Reflexes.Matching.Flow;

namespace Reflexes.Matching.Tests.Flow;

/// <summary>
/// Dinic's max flow, levelled backwards from the sink, against Edmonds-Karp on random directed networks with
/// parallel arcs, self-loops, zero capacities, arcs into the source and out of the sink.
/// </summary>
public sealed class MaxFlowTests
{
    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 7000; seed < 7200; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Augment_from_zero_flow_finds_the_maximum_flow_of_an_independent_solver(int seed)
    {
        var random = new Random(seed);
        var (nodes, arcs, source, sink) = RandomNetwork(random);
        var g = FlowReference.Build(nodes, arcs);

        var added = MaxFlow.Augment(g, source, sink, CancellationToken.None);

        added.ShouldBe(FlowReference.EdmondsKarp(nodes, arcs, source, sink));
        FlowReference.CheckedFlowValue(g, arcs, source, sink).ShouldBe(added);
        FlowReference.Reaches(g, source, sink).ShouldBeFalse("an augmenting path is left");
        MaxFlow.Augment(g, source, sink, CancellationToken.None).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Augment_adds_to_the_flow_the_network_already_carries_up_to_the_maximum(int seed)
    {
        var random = new Random(seed);
        var (nodes, arcs, source, sink) = RandomNetwork(random);
        var g = FlowReference.Build(nodes, arcs);
        var maximum = FlowReference.EdmondsKarp(nodes, arcs, source, sink);

        // A partial flow pushed by hand: a few augmenting paths, and a few cycles (through any node, the source included).
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var path = FlowReference.RandomPath(g, source, sink, random);
            if (path is not null)
            {
                FlowReference.Push(g, path, random.Next(1, FlowReference.Bottleneck(g, path) + 1));
            }
        }

        for (var i = random.Next(0, 4); i > 0; i--)
        {
            var start = random.Next(nodes);
            var cycle = FlowReference.RandomPath(g, start, start, random);
            if (cycle is { Count: > 0 })
            {
                FlowReference.Push(g, cycle, random.Next(1, FlowReference.Bottleneck(g, cycle) + 1));
            }
        }

        var before = FlowReference.CheckedFlowValue(g, arcs, source, sink);
        before.ShouldBeInRange(0, maximum);

        var added = MaxFlow.Augment(g, source, sink, CancellationToken.None);

        (before + added).ShouldBe(maximum);
        FlowReference.CheckedFlowValue(g, arcs, source, sink).ShouldBe(maximum);
        FlowReference.Reaches(g, source, sink).ShouldBeFalse("an augmenting path is left");
    }

    [Fact]
    public void Augment_finds_nothing_when_the_sink_cannot_be_reached()
    {
        ArcSpec[] arcs = [new(0, 2, 5, 0), new(2, 0, 3, 0), new(1, 3, 4, 0), new(3, 2, 2, 0)];
        var g = FlowReference.Build(4, arcs);

        MaxFlow.Augment(g, 0, 1, CancellationToken.None).ShouldBe(0);

        FlowReference.CheckedFlowValue(g, arcs, 0, 1).ShouldBe(0);
        FlowReference.Flows(g).ShouldAllBe(f => f == 0);
    }

    /// <summary>5 to 40 nodes, a random source and sink, arcs with random capacities and layout flags.</summary>
    private static (int Nodes, List<ArcSpec> Arcs, int Source, int Sink) RandomNetwork(Random random)
    {
        var nodes = random.Next(5, 41);
        var source = random.Next(nodes);
        var sink = (source + random.Next(1, nodes)) % nodes;
        var arcs = new List<ArcSpec>();
        int Capacity() => random.Next(10) switch
        {
            0 => 0,
            1 => random.Next(100, 1000),
            _ => random.Next(1, 10),
        };

        var count = random.Next(nodes, 4 * nodes);
        for (var i = 0; i < count; i++)
        {
            var roll = random.NextDouble();
            var (tail, head) = roll switch
            {
                < 0.15 when arcs.Count > 0 => (arcs[^1].Tail, arcs[^1].Head), // a parallel arc
                < 0.20 => (random.Next(nodes), source), // into the source
                < 0.25 => (sink, random.Next(nodes)), // out of the sink
                _ => (random.Next(nodes), random.Next(nodes)), // self-loops included
            };
            arcs.Add(new ArcSpec(tail, head, Capacity(), 0, random.Next(4) == 0));
        }

        return (nodes, arcs, source, sink);
    }
}
