using Reflexes.Optimization;

namespace Reflexes.Sortition.Engine;

/// <summary>
/// Leximin over the linear relaxation Q of the panel polytope: expected head counts x_t ∈ [0, size_t] with
/// Σ x = k, every quota and every household row, but no integrality. Every lottery's expected counts lie in
/// Q, so the leximin of Q is at least as good, in the leximin order, as the leximin of lotteries; when a
/// lottery reaches it, that lottery is the leximin (see <see cref="LeximinSolver"/>).
/// Each stage is a compact program of a few dozen rows: for the types not yet fixed, x_t = size_t·z + s_t
/// with s_t ≥ 0, so "every unfixed type at least z" costs no row; fixed types enter the right-hand sides.
/// The rows x_t ≤ size_t (a type selected with certainty) are added only for types that would break them.
/// </summary>
internal sealed class RelaxedLeximin(TypeModel model, bool[] selectable)
{
    /// <summary>A type whose reduced cost (per person, the stage duals sum to 1) exceeds this is bound at z.</summary>
    private const double FixingThreshold = 1e-7;

    /// <summary>Probabilities of the relaxed leximin, per type (0 for types that cannot be selected).</summary>
    public double[] Solve(CancellationToken cancellationToken)
    {
        var types = model.TypeCount;
        var fixedValue = new double?[types];
        var capped = new HashSet<int>();
        var unfixed = Enumerable.Range(0, types).Count(t => selectable[t]);
        while (unfixed > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (z, reduced) = Stage(fixedValue, capped, cancellationToken);
            var bound = new List<int>();
            var best = -1;
            for (var t = 0; t < types; t++)
            {
                if (!selectable[t] || fixedValue[t] is not null)
                {
                    continue;
                }

                if (z >= 1 - 1e-12 || reduced[t] > FixingThreshold)
                {
                    bound.Add(t);
                }

                if (best < 0 || reduced[t] > reduced[best])
                {
                    best = t;
                }
            }

            if (bound.Count == 0)
            {
                bound.Add(best);
            }

            foreach (var t in bound)
            {
                fixedValue[t] = Math.Min(1, z);
                unfixed--;
            }
        }

        return [.. fixedValue.Select(v => v ?? 0)];
    }

    /// <summary>One stage: the largest z, and per unfixed type the reduced cost of raising it above z (size-weighted).</summary>
    private (double Z, double[] Reduced) Stage(double?[] fixedValue, HashSet<int> capped, CancellationToken cancellationToken)
    {
        var types = model.TypeCount;
        while (true)
        {
            var lp = new SimplexSolver();
            var fixedPerFeature = new double[model.FeatureCount];
            var fixedTotal = 0.0;
            var fixedPerHousehold = new double[model.Households.Length];
            var householdOf = new Dictionary<int, int>();
            for (var h = 0; h < model.Households.Length; h++)
            {
                foreach (var t in model.Households[h])
                {
                    householdOf[t] = h;
                }
            }

            for (var t = 0; t < types; t++)
            {
                if (fixedValue[t] is not { } v)
                {
                    continue;
                }

                var count = v * model.Members[t].Length;
                fixedTotal += count;
                foreach (var f in model.TypeFeatures[t])
                {
                    fixedPerFeature[f] += count;
                }

                if (householdOf.TryGetValue(t, out var h))
                {
                    fixedPerHousehold[h] += count;
                }
            }

            var size = lp.AddRow(RowKind.Equal, model.K - fixedTotal);
            var atLeast = new int[model.FeatureCount];
            var atMost = new int[model.FeatureCount];
            for (var f = 0; f < model.FeatureCount; f++)
            {
                atLeast[f] = lp.AddRow(RowKind.GreaterOrEqual, model.FeatureMin[f] - fixedPerFeature[f]);
                atMost[f] = lp.AddRow(RowKind.LessOrEqual, model.FeatureMax[f] - fixedPerFeature[f]);
            }

            var householdRow = new int[model.Households.Length];
            for (var h = 0; h < householdRow.Length; h++)
            {
                householdRow[h] = lp.AddRow(RowKind.LessOrEqual, 1 - fixedPerHousehold[h]);
            }

            var capRow = new Dictionary<int, int>();
            foreach (var t in capped)
            {
                if (fixedValue[t] is null && selectable[t])
                {
                    capRow[t] = lp.AddRow(RowKind.LessOrEqual, model.Members[t].Length);
                }
            }

            var columns = new (int Row, double Coefficient)[types][];
            var zColumn = new Dictionary<int, double>();
            var slack = new int[types];
            for (var t = 0; t < types; t++)
            {
                slack[t] = -1;
                if (!selectable[t] || fixedValue[t] is not null)
                {
                    continue;
                }

                var n = (double)model.Members[t].Length;
                var rows = new List<int> { size };
                foreach (var f in model.TypeFeatures[t])
                {
                    rows.Add(atLeast[f]);
                    rows.Add(atMost[f]);
                }

                if (householdOf.TryGetValue(t, out var h))
                {
                    rows.Add(householdRow[h]);
                }

                if (capRow.TryGetValue(t, out var c))
                {
                    rows.Add(c);
                }

                columns[t] = [.. rows.Select(r => (r, 1.0))];
                foreach (var r in rows)
                {
                    zColumn[r] = zColumn.GetValueOrDefault(r) + n;
                }

                slack[t] = lp.AddVariable(0, 0, n, columns[t]);
            }

            var zVariable = lp.AddVariable(-1, 0, 1, [.. zColumn.Select(p => (p.Key, p.Value))]);
            var status = lp.Solve(cancellationToken);
            if (status != LpStatus.Optimal)
            {
                throw new InvalidOperationException($"The relaxed leximin program ended with status {status}.");
            }

            var z = lp.Value(zVariable);
            var newlyCapped = false;
            for (var t = 0; t < types; t++)
            {
                if (slack[t] >= 0 && !capRow.ContainsKey(t) && (model.Members[t].Length * z) + lp.Value(slack[t]) > model.Members[t].Length + 1e-9)
                {
                    capped.Add(t);
                    newlyCapped = true;
                }
            }

            if (newlyCapped)
            {
                continue;
            }

            var reduced = new double[types];
            for (var t = 0; t < types; t++)
            {
                if (slack[t] < 0)
                {
                    continue;
                }

                var d = 0.0;
                foreach (var (row, coefficient) in columns[t])
                {
                    d -= lp.RowDual(row) * coefficient;
                }

                reduced[t] = d * model.Members[t].Length;
            }

            return (z, reduced);
        }
    }
}
