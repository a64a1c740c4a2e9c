namespace Reflexes.Sortition;

/// <summary>
/// A lottery over panels and what it means for each respondent. Each person's probability is the sum of
/// the probabilities of the panels that contain them.
/// </summary>
public sealed record SelectionResult(
    SelectionAlgorithm Algorithm,
    Pool Pool,
    int K,
    IReadOnlyList<SelectedPanel> Panels,
    IReadOnlyList<double> Probabilities,
    IReadOnlyList<NeverSelectable> NeverSelectable,
    TimeSpan Elapsed,
    string Details)
{
    public double MinProbability => Probabilities.Count == 0 ? 0 : Probabilities.Min();

    public double Gini => Fairness.Gini(Probabilities);

    public double GeometricMean => Fairness.GeometricMean(Probabilities);
}
