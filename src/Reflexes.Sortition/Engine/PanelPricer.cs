using Reflexes.Optimization;

namespace Reflexes.Sortition.Engine;

/// <summary>
/// The integer program over types behind every question about panels: maximise Σ w_t x_t over panels
/// (x_t people of type t, Σ x_t = k, every quota met, at most one person per shared address). The model is
/// built once and re-optimised from its last basis with new weights.
/// </summary>
internal sealed class PanelPricer
{
    private readonly TypeModel _model;
    // Steepest edge among the 8 best columns: a third fewer pivots per branch-and-bound node than Dantzig's rule (ADR 0208).
    private readonly SimplexSolver _lp = new(new SimplexOptions { SteepestEdgeCandidates = 8 });
    private readonly int[] _variables;

    public PanelPricer(TypeModel model)
    {
        _model = model;
        var size = _lp.AddRow(RowKind.Equal, model.K);
        var atLeast = new int[model.FeatureCount];
        var atMost = new int[model.FeatureCount];
        var available = new int[model.FeatureCount];
        for (var t = 0; t < model.TypeCount; t++)
        {
            foreach (var f in model.TypeFeatures[t])
            {
                available[f] += model.Members[t].Length;
            }
        }

        for (var f = 0; f < model.FeatureCount; f++)
        {
            atLeast[f] = model.FeatureMin[f] > 0 ? _lp.AddRow(RowKind.GreaterOrEqual, model.FeatureMin[f]) : -1;
            atMost[f] = model.FeatureMax[f] < Math.Min(model.K, available[f]) ? _lp.AddRow(RowKind.LessOrEqual, model.FeatureMax[f]) : -1;
        }

        var householdRow = new Dictionary<int, int>();
        foreach (var household in model.Households)
        {
            var row = _lp.AddRow(RowKind.LessOrEqual, 1);
            foreach (var t in household)
            {
                householdRow[t] = row;
            }
        }

        _variables = new int[model.TypeCount];
        for (var t = 0; t < model.TypeCount; t++)
        {
            var column = new List<(int, double)> { (size, 1) };
            foreach (var f in model.TypeFeatures[t])
            {
                if (atLeast[f] >= 0)
                {
                    column.Add((atLeast[f], 1));
                }

                if (atMost[f] >= 0)
                {
                    column.Add((atMost[f], 1));
                }
            }

            if (householdRow.TryGetValue(t, out var h))
            {
                column.Add((h, 1));
            }

            _variables[t] = _lp.AddVariable(0, 0, model.Members[t].Length, column.ToArray());
        }
    }

    public int Nodes { get; private set; }

    public int Calls { get; private set; }

    /// <summary>Simplex pivots of every solve so far.</summary>
    public int Pivots => _lp.Iterations;

    public int PhaseOnePivots => _lp.PhaseOnePivots;

    /// <summary>Excludes a type from every panel from now on (people who can never be selected).</summary>
    public void Exclude(int type) => _lp.SetBounds(_variables[type], 0, 0);

    /// <summary>
    /// Panels whose weight exceeds <paramref name="threshold"/>, in the order branch-and-bound found them (best last);
    /// empty only if no panel beats the threshold. Once one is found the search continues for at most
    /// <paramref name="nodesAfterFirst"/> nodes looking for better ones; an empty answer is always a proof.
    /// </summary>
    public List<int[]> Above(IReadOnlyList<double> weights, double threshold, CancellationToken cancellationToken, int nodesAfterFirst = 50)
    {
        Calls++;
        for (var t = 0; t < _variables.Length; t++)
        {
            _lp.SetCost(_variables[t], -weights[t]);
        }

        var found = new List<int[]>();
        var search = new BranchAndBound(_lp, _variables, new BranchAndBoundOptions { NodesAfterFirstSolution = nodesAfterFirst });
        var result = search.Solve(-threshold, (values, _) => found.Add(ToCounts(values)), cancellationToken);
        Nodes += result.Nodes;
        if (found.Count == 0 && result.Status is not (LpStatus.Infeasible or LpStatus.Optimal))
        {
            throw new InvalidOperationException($"The panel search stopped without an answer ({result.Status} after {result.Nodes} nodes).");
        }

        return found;
    }

    public int[]? Best(IReadOnlyList<double> weights, CancellationToken cancellationToken)
    {
        var found = Above(weights, double.NegativeInfinity, cancellationToken, nodesAfterFirst: 0);
        return found.Count == 0 ? null : found[^1];
    }

    private int[] ToCounts(IReadOnlyList<double> values)
    {
        var counts = new int[_variables.Length];
        for (var t = 0; t < counts.Length; t++)
        {
            counts[t] = (int)Math.Round(values[_variables[t]]);
        }

        return counts;
    }
}
