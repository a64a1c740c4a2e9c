namespace Reflexes.Sortition;

/// <summary>Summary statistics of a vector of selection probabilities.</summary>
public static class Fairness
{
    /// <summary>Gini coefficient: mean absolute difference between two people's probabilities over twice the mean (0 = all equal).</summary>
    public static double Gini(IReadOnlyList<double> values)
    {
        var n = values.Count;
        var sorted = values.Order().ToArray();
        var total = sorted.Sum();
        if (n == 0 || total <= 0)
        {
            return 0;
        }

        var weighted = 0.0;
        for (var i = 0; i < n; i++)
        {
            weighted += (i + 1) * sorted[i];
        }

        return Math.Max(0, (2 * weighted / (n * total)) - ((n + 1.0) / n));
    }

    /// <summary>Geometric mean; 0 as soon as one person can never be selected.</summary>
    public static double GeometricMean(IReadOnlyList<double> values)
    {
        if (values.Count == 0 || values.Any(v => v <= 0))
        {
            return 0;
        }

        return Math.Exp(values.Average(Math.Log));
    }
}
