namespace Reflexes.Matching.Planning;

/// <summary>The plan, and the network it was computed on (for the DIMACS export).</summary>
public sealed class MatchResult
{
    internal MatchResult(Plan plan, MatchingNetwork network, IReadOnlyList<PhaseTiming> phases)
    {
        Plan = plan;
        Network = network;
        Phases = phases;
    }

    public Plan Plan { get; }

    /// <summary>Where the solving time went (building, coverage, distance, ...), for benchmarks and diagnostics.</summary>
    public IReadOnlyList<PhaseTiming> Phases { get; }

    internal MatchingNetwork Network { get; }
}

/// <summary>The wall and processor time of one phase of the engine, with an optional note (sizes, counts).</summary>
public sealed record PhaseTiming(string Phase, double Seconds, double CpuSeconds, string Note = "");
