namespace Reflexes.Sortition;

public sealed record SelectionOptions
{
    /// <summary>Number of draws from which the legacy procedure's probabilities are estimated.</summary>
    public int LegacyDraws { get; init; } = 10_000;

    /// <summary>Seed of the legacy draws, so that a comparison can be repeated.</summary>
    public int LegacySeed { get; init; } = 2021;

    /// <summary>Leximin tries the linear relaxation's leximin first (see ADR 0204); off only to compare with the stages over panels.</summary>
    internal bool RelaxationFirst { get; init; } = true;

    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
