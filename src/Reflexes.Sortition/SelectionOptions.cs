namespace Reflexes.Sortition;

public sealed record SelectionOptions
{
    /// <summary>Number of draws from which the legacy procedure's probabilities are estimated.</summary>
    public int LegacyDraws { get; init; } = 10_000;

    /// <summary>Seed of the legacy draws, so that a comparison can be repeated.</summary>
    public int LegacySeed { get; init; } = 2021;

    /// <summary>Leximin tries the linear relaxation's leximin first (see ADR 0204); off only to compare with the stages over panels.</summary>
    internal bool RelaxationFirst { get; init; } = true;

    /// <summary>The panels are searched by Wolfe's minimum-norm-point algorithm (ADR 0208) rather than the first-order search of ADR 0207.</summary>
    internal bool MinNormPoint { get; init; } = true;

    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
