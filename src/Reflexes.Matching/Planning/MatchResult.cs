namespace Reflexes.Matching.Planning;

/// <summary>The plan, and the network it was computed on (for the DIMACS export).</summary>
public sealed class MatchResult
{
    internal MatchResult(Plan plan, MatchingNetwork network)
    {
        Plan = plan;
        Network = network;
    }

    public Plan Plan { get; }

    internal MatchingNetwork Network { get; }
}
