using System.Buffers.Text;
using System.Text;
using Reflexes.Matching.Model;
using Reflexes.Matching.Planning;

namespace Reflexes.Matching.Export;

/// <summary>
/// Writes the network as a DIMACS minimum-cost flow problem with a single objective: each filled place of
/// priority p is worth <c>-weight(p) × M</c> (arc from class node to sink), each assignment costs its
/// secondary cost, and a zero-cost arc from source to sink carries the flow no one can take. Its optimal
/// cost is the plan's <c>network.objective</c>.
/// </summary>
public static class DimacsWriter
{
    public static void Write(MatchResult result, Stream stream)
    {
        var network = result.Network;
        var g = network.Graph;
        var m = network.WeightMultiplier();
        using var output = new Utf8Lines(stream);
        output.Text("c Reflexes matching network: source 1, sink 2, priority classes 3-5, slots from 6.\n");
        output.Text($"c Cost = -{m} x weighted coverage + {network.DistanceMultiplier} x metres - previous proposals kept.\n");
        output.Text($"c Optimal cost of the plan: {result.Plan.Network.Objective}\n");
        output.Text($"p min {g.NodeCount} {g.ArcCount + 1L}\n");
        output.Text($"n {MatchingNetwork.Source + 1} {network.FlowBound}\n");
        output.Text($"n {MatchingNetwork.Sink + 1} {-network.FlowBound}\n");
        var classOf = new Dictionary<int, int>();
        for (var p = 0; p < 3; p++)
        {
            classOf[network.ClassArcs[p]] = p;
        }

        for (var arc = 0; arc < g.ArcCount; arc++)
        {
            long capacity = g.Capacity(arc);
            var cost = g.CostOf(arc);
            if (classOf.TryGetValue(arc, out var p))
            {
                capacity = network.ClassPlaces[p];
                cost = checked(-Priorities.Weight(p + 1) * m);
            }

            output.Arc(g.Tail(arc) + 1, g.HeadOf(arc) + 1, capacity, cost);
        }

        output.Arc(MatchingNetwork.Source + 1, MatchingNetwork.Sink + 1, network.FlowBound, 0);
    }

    /// <summary>Fast ASCII output: big networks have tens of millions of arcs.</summary>
    private sealed class Utf8Lines(Stream stream) : IDisposable
    {
        private readonly byte[] _buffer = new byte[1 << 20];
        private int _used;

        public void Text(string text)
        {
            Flush(text.Length * 3);
            _used += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_used));
        }

        public void Arc(long tail, long head, long capacity, long cost)
        {
            Flush(100);
            _buffer[_used++] = (byte)'a';
            Number(tail);
            Number(head);
            Number(0);
            Number(capacity);
            Number(cost);
            _buffer[_used++] = (byte)'\n';
        }

        public void Dispose()
        {
            Flush(_buffer.Length);
            stream.Flush();
        }

        private void Number(long value)
        {
            _buffer[_used++] = (byte)' ';
            Utf8Formatter.TryFormat(value, _buffer.AsSpan(_used), out var written);
            _used += written;
        }

        private void Flush(int room)
        {
            if (_used + room > _buffer.Length)
            {
                stream.Write(_buffer, 0, _used);
                _used = 0;
            }
        }
    }
}
