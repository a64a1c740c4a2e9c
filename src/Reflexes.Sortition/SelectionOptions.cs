namespace Reflexes.Sortition;

public sealed record SelectionOptions
{
    /// <summary>Number of draws from which the legacy procedure's probabilities are estimated.</summary>
    public int LegacyDraws { get; init; } = 10_000;

    /// <summary>Seed of the legacy draws, so that a comparison can be repeated.</summary>
    public int LegacySeed { get; init; } = 2021;

    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
