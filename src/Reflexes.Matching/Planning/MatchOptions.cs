using Reflexes.Matching.Model;
using Reflexes.Matching.Reading;

namespace Reflexes.Matching.Planning;

/// <summary>What a re-plan starts from: assignments already confirmed (kept as they are) and the previous proposals.</summary>
public sealed record MatchOptions
{
    /// <summary>Confirmed assignments: fixed, they use their volunteer's half-day and caps and fill their place.</summary>
    public IReadOnlyList<ListedPair> Confirmed { get; init; } = [];

    /// <summary>The name of the input the confirmed assignments come from, for error messages.</summary>
    public string ConfirmedInput { get; init; } = "confirmed assignments";

    /// <summary>Proposals of the previous plan: at equal objective, the new plan keeps as many as it can.</summary>
    public IReadOnlyList<Pair> Previous { get; init; } = [];

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// How many of its nearest slots each volunteer×half-day keeps in the core network that cost scaling works on
    /// (see <see cref="CoreArcs"/>); 0 works on the whole network. Any value gives the same optimum.
    /// </summary>
    internal int CoreArcsPerHalfDay { get; init; } = 30;
}
