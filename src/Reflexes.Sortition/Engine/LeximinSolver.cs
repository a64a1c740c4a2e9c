using System.Diagnostics;
using System.Globalization;
using Reflexes.Optimization;

namespace Reflexes.Sortition.Engine;

/// <summary>
/// Leximin over types by column generation (after Flanigan et al., Nature 2021, reworked over types).
/// Stage s maximises z, the smallest selection probability among types not yet fixed, over lotteries of the
/// panels generated so far; the pricing integer program adds any panel with positive reduced cost, until
/// none exists: z is then optimal over all panels. Types whose dual weight is positive are at z in every
/// optimal lottery (complementary slackness), so they are fixed at z and the next stage raises the rest.
/// One master LP lives through all stages: a fixed type's row is switched off by its right-hand side and a
/// new row "probability ≥ fixed value" is added, so every solve starts from the previous basis.
/// With <c>targets</c> (the relaxed leximin, ADR 0204) a single stage maximises λ with every type at least
/// λ·target: λ = 1 proves the targets are a lottery. Pricing uses smoothed duals and checks every panel
/// against the true duals (ADR 0205), so a stage ends only when exact pricing at the optimal duals finds nothing.
/// </summary>
internal sealed class LeximinSolver(TypeModel model, PanelPricer pricer, bool[] selectable, double[]? targets = null)
{
    /// <summary>A dual weight above this marks a type as bound at the stage optimum (duals of a stage sum to 1).</summary>
    private const double FixingDualThreshold = 1e-6;

    /// <summary>Reduced-cost margin for a new panel to enter: far below the 1e-6 accuracy promised on probabilities.</summary>
    private const double PricingTolerance = 1e-9;

    /// <summary>With targets, λ this close to 1 counts as every target met: the engine accepts such a lottery only if every type is within 1e-8 of its target too.</summary>
    private const double TargetsMetTolerance = 1e-8;

    /// <summary>Fixed probabilities are kept as "≥ value − slack" so that round-off never makes a later stage infeasible.</summary>
    private const double FixedSlack = 1e-9;

    /// <summary>Weight of the previous prices in dual smoothing (0 switches it off); 0.8 halved the master's pivots on generated pools.</summary>
    private const double Smoothing = 0.8;

    /// <summary>Largest extra loosening of fixed rows allowed to recover from round-off.</summary>
    private const double MaxExtraSlack = 1e-7;

    private readonly List<(int Row, double Value)> _fixedRows = [];
    // Recomputing the dense inverse costs about m pivots' worth of work: do it every 2m pivots at least.
    // Steepest edge among the 8 best candidates: see ADR 0205.
    private readonly SimplexSolver _master = new(new SimplexOptions { RefactorInterval = Math.Max(500, 2 * model.TypeCount), SteepestEdgeCandidates = 8 });
    private readonly List<int[]> _panels = [];
    private readonly List<int> _panelVariables = [];
    private readonly List<List<int>> _typeRows = [];
    private int _sumRow;
    private int _z;
    private int[] _minRow = [];
    private int _rounds;
    private double _extraSlack;
    private TimeSpan _masterTime;
    private TimeSpan _pricingTime;

    /// <summary>The optimum of the first stage (the maximin value, or the share of the targets reached).</summary>
    public double Z { get; private set; }

    /// <summary>Every panel generated so far (with or without probability).</summary>
    public IReadOnlyList<int[]> Panels => _panels;

    public TypeDistribution Solve(IEnumerable<int[]> initialPanels, bool stopAfterFirstStage, CancellationToken cancellationToken, int crash = 0)
    {
        var types = model.TypeCount;
        _minRow = new int[types];
        for (var t = 0; t < types; t++)
        {
            _typeRows.Add([]);
            if (selectable[t])
            {
                _minRow[t] = _master.AddRow(RowKind.GreaterOrEqual, 0);
                _typeRows[t].Add(_minRow[t]);
            }
        }

        _sumRow = _master.AddRow(RowKind.Equal, 1);
        // With targets, row t reads "probability of t ≥ λ·target_t" (its right-hand side moves to the λ column).
        var zColumn = Enumerable.Range(0, types).Where(t => selectable[t]).Select(t => (_minRow[t], -(targets?[t] ?? 1.0))).ToArray();
        _z = _master.AddVariable(-1, 0, 1, zColumn);
        foreach (var panel in initialPanels)
        {
            AddPanel(panel);
        }

        if (crash > 0)
        {
            // Warm start from an approximate lottery: λ and its heaviest panels first (ADR 0207).
            _master.Crash([_z, .. _panelVariables.Take(crash)]);
        }

        var fixedValue = new double?[types];
        var unfixed = Enumerable.Range(0, types).Count(t => selectable[t]);
        var stages = 0;
        var weights = new double[types];
        while (unfixed > 0)
        {
            stages++;
            var smoothedValid = false;
            var mispriced = false;
            var smoothed = new double[types];
            var smoothedSum = 0.0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var masterStart = Stopwatch.GetTimestamp();
                var status = _master.Solve(cancellationToken);
                while (status == LpStatus.Infeasible && _extraSlack < MaxExtraSlack)
                {
                    // Fixed values are optima of earlier stages, so the program is feasible; phase 1 stalling a
                    // hair above its tolerance is round-off. Loosen the fixed rows (tenfold each time, at most
                    // MaxExtraSlack, well inside the 1e-6 accuracy promised) and solve again.
                    _extraSlack = _extraSlack == 0 ? 1e-9 : _extraSlack * 10;
                    foreach (var (row, value) in _fixedRows)
                    {
                        _master.SetRhs(row, value - FixedSlack - _extraSlack);
                    }

                    status = _master.Solve(cancellationToken);
                }

                _masterTime += Stopwatch.GetElapsedTime(masterStart);
                if (status != LpStatus.Optimal)
                {
                    throw new InvalidOperationException($"The leximin master program ended with status {status} at stage {stages}.");
                }

                for (var t = 0; t < types; t++)
                {
                    weights[t] = selectable[t] ? TypeDual(t) / model.Members[t].Length : 0;
                }

                if (targets is not null && _master.Value(_z) >= 1 - TargetsMetTolerance)
                {
                    // Every target is met (λ cannot exceed 1): the lottery itself is the proof, no pricing needed. Up to
                    // round-off: a λ a hair below 1 (a simplex optimum over a lottery found by the search, ADR 0208) would
                    // otherwise send pricing after panels worth less than the tolerance, which only a complete search can refuse.
                    break;
                }

                var sumDual = _master.RowDual(_sumRow);
                var threshold = -sumDual + PricingTolerance;
                var pricingStart = Stopwatch.GetTimestamp();
                List<int[]> found = [];
                if (smoothedValid && !mispriced)
                {
                    // Dual smoothing (Wentges): price at a point between the previous prices and the new duals, which
                    // oscillate less; keep only panels that improve the master at its true duals. When none does
                    // (a mispricing), the next search uses the true duals, so the final answer is still a proof.
                    for (var t = 0; t < types; t++)
                    {
                        smoothed[t] = (Smoothing * smoothed[t]) + ((1 - Smoothing) * weights[t]);
                    }

                    smoothedSum = (Smoothing * smoothedSum) + ((1 - Smoothing) * sumDual);
                    found = [.. pricer.Above(smoothed, -smoothedSum + PricingTolerance, cancellationToken).Where(panel => Value(panel, weights) > threshold)];
                    mispriced = found.Count == 0;
                    _rounds++;
                    if (mispriced)
                    {
                        _pricingTime += Stopwatch.GetElapsedTime(pricingStart);
                        Array.Copy(weights, smoothed, types);
                        smoothedSum = sumDual;
                        continue;
                    }
                }
                else
                {
                    found = pricer.Above(weights, threshold, cancellationToken);
                    _rounds++;
                    if (found.Count == 0)
                    {
                        _pricingTime += Stopwatch.GetElapsedTime(pricingStart);
                        break;
                    }

                    if (!smoothedValid)
                    {
                        Array.Copy(weights, smoothed, types);
                        smoothedSum = sumDual;
                        smoothedValid = true;
                    }

                    mispriced = false;
                }

                _pricingTime += Stopwatch.GetElapsedTime(pricingStart);

                // Keep the best few panels found on the way: more columns per round, fewer rounds.
                foreach (var panel in found.TakeLast(4))
                {
                    AddPanel(panel);
                }
            }

            var z = _master.Value(_z);
            Z = z;
            if (stopAfterFirstStage)
            {
                break;
            }

            var bound = new List<int>();
            var best = -1;
            for (var t = 0; t < types; t++)
            {
                if (!selectable[t] || fixedValue[t] is not null)
                {
                    continue;
                }

                var dual = _master.RowDual(_minRow[t]);
                if (dual > FixingDualThreshold)
                {
                    bound.Add(t);
                }

                if (best < 0 || dual > _master.RowDual(_minRow[best]))
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
                Fix(t, z);
                fixedValue[t] = z;
                unfixed--;
            }
        }

        var probabilities = new double[_panels.Count];
        for (var j = 0; j < _panels.Count; j++)
        {
            probabilities[j] = Math.Max(0, _master.Value(_panelVariables[j]));
        }

        var total = probabilities.Sum();
        var kept = new List<int[]>();
        var keptProbabilities = new List<double>();
        for (var j = 0; j < _panels.Count; j++)
        {
            if (probabilities[j] > 1e-12)
            {
                kept.Add(_panels[j]);
                keptProbabilities.Add(probabilities[j] / total);
            }
        }

        var typeProbabilities = new double[types];
        for (var j = 0; j < kept.Count; j++)
        {
            for (var t = 0; t < types; t++)
            {
                typeProbabilities[t] += keptProbabilities[j] * kept[j][t] / model.Members[t].Length;
            }
        }

        return new TypeDistribution(kept, keptProbabilities, typeProbabilities, stages, _rounds)
        {
            Timing = string.Create(CultureInfo.InvariantCulture,
                $"master LP {_masterTime.TotalSeconds:F2} s ({_master.Iterations} pivots: {_master.DegeneratePivots} degenerate, {_master.BlandPivots} Bland, {_master.PhaseOnePivots} phase 1, {_master.Refactors} refactors; {_master.RowCount} rows, {_master.VariableCount} columns), pricing {_pricingTime.TotalSeconds:F2} s"),
        };
    }

    private static double Value(int[] panel, double[] weights)
    {
        var value = 0.0;
        for (var t = 0; t < panel.Length; t++)
        {
            value += panel[t] * weights[t];
        }

        return value;
    }

    private double TypeDual(int type)
    {
        var sum = 0.0;
        foreach (var row in _typeRows[type])
        {
            sum += _master.RowDual(row);
        }

        return sum;
    }

    private void AddPanel(int[] panel)
    {
        var column = new List<(int, double)>();
        for (var t = 0; t < panel.Length; t++)
        {
            if (panel[t] == 0 || !selectable[t])
            {
                continue;
            }

            var share = (double)panel[t] / model.Members[t].Length;
            foreach (var row in _typeRows[t])
            {
                column.Add((row, share));
            }
        }

        column.Add((_sumRow, 1));
        _panels.Add(panel);
        _panelVariables.Add(_master.AddVariable(0, 0, double.PositiveInfinity, column.ToArray()));
    }

    private void Fix(int type, double value)
    {
        // Σ a p − z ≥ −2 can never bind (probabilities and z lie in [0, 1]): the row is switched off.
        _master.SetRhs(_minRow[type], -2);
        var terms = new List<(int, double)>();
        var size = (double)model.Members[type].Length;
        for (var j = 0; j < _panels.Count; j++)
        {
            if (_panels[j][type] > 0)
            {
                terms.Add((_panelVariables[j], _panels[j][type] / size));
            }
        }

        var row = _master.AddRow(RowKind.GreaterOrEqual, value - FixedSlack - _extraSlack, terms.ToArray());
        _fixedRows.Add((row, value));
        _typeRows[type].Add(row);
    }
}
