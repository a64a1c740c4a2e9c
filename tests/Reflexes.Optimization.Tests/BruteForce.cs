namespace Reflexes.Optimization.Tests;

internal static class BruteForce
{
    /// <summary>The minimum cost over all integer points with every variable in 0..max, or +∞ if none is feasible.</summary>
    public static double Minimum(TestModel model, int max)
    {
        var n = model.Variables.Count;
        var x = new double[n];
        var best = double.PositiveInfinity;
        var total = (int)Math.Pow(max + 1, n);
        for (var code = 0; code < total; code++)
        {
            var rest = code;
            for (var j = 0; j < n; j++)
            {
                x[j] = rest % (max + 1);
                rest /= max + 1;
            }

            if (model.IsFeasible(x, 1e-9))
            {
                best = Math.Min(best, model.Cost(x));
            }
        }

        return best;
    }
}
