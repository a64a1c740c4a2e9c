namespace Reflexes.Sortition.Engine;

/// <summary>A lottery over type-level panels (counts per type) and the resulting probability of each type's members.</summary>
internal sealed record TypeDistribution(IReadOnlyList<int[]> Panels, IReadOnlyList<double> PanelProbabilities, IReadOnlyList<double> TypeProbabilities, int Stages, int ColumnGenerationRounds)
{
    /// <summary>Where the time went: master LP, pricing integer programs, and master pivots.</summary>
    public string Timing { get; init; } = "";
}
