using System.Numerics;

namespace Reflexes.Optimization;

/// <summary>
/// Minimises c·x subject to linear rows and variable bounds, with the bounded-variable revised simplex
/// method and a dense basis inverse. The model can grow and change between solves (new rows, new columns,
/// new bounds, new costs) and each solve starts from the previous basis: column generation and
/// branch-and-bound re-optimise in a few pivots instead of starting over.
/// </summary>
/// <remarks>
/// Every row gets a slack so that <c>a·x + s = b</c>, with <c>s ≥ 0</c> for ≤ rows, <c>s ≤ 0</c> for ≥ rows
/// and <c>s = 0</c> for equality rows; the all-slack basis is always a valid start. Infeasible bases are
/// repaired by a composite phase 1 that minimises the sum of bound violations of the basic variables.
/// The ratio test is Harris's two-pass test (stable pivots, bound violations at most the primal tolerance);
/// after a run of degenerate pivots Bland's rule takes over so that the method cannot cycle. The basis
/// inverse is recomputed from the columns every <see cref="SimplexOptions.RefactorInterval"/> pivots, and
/// before optimality is declared the basic values are recomputed from the right-hand side and re-checked.
/// Dual values follow the convention <c>d_j = c_j − Σ_i y_i a_ij</c> (reduced cost of column j).
/// </remarks>
public sealed class SimplexSolver(SimplexOptions? options = null)
{
    private const int AtLower = 0;
    private const int AtUpper = 1;
    private const int FreeAtZero = 2;
    private const int Basic = 3;

    /// <summary>A crashed basis only takes pivots this large (relative to 0/1 and probability columns), for stability.</summary>
    private const double CrashPivotTolerance = 1e-3;

    private readonly SimplexOptions _options = options ?? SimplexOptions.Default;
    private readonly List<Column> _columns = [];
    private readonly List<int> _variableColumn = [];
    private readonly List<int> _rowSlack = [];
    private readonly List<double> _rhs = [];
    private int[] _head = [];
    private double[] _inverse = [];
    private double[] _basicValues = [];
    private double[] _duals = [];
    private bool _hasBasis;
    private readonly int _candidateLimit = (options ?? SimplexOptions.Default).SteepestEdgeCandidates;
    private int[] _candidates = [];
    private double[] _candidateReduced = [];
    private double[] _candidateScore = [];
    private int _candidateCount;
    private int _pivotsSinceRefactor;

    public int RowCount => _rhs.Count;

    public int VariableCount => _variableColumn.Count;

    public LpStatus Status { get; private set; } = LpStatus.IterationLimit;

    public double Objective { get; private set; }

    public int Iterations { get; private set; }

    public int DegeneratePivots { get; private set; }

    public int BlandPivots { get; private set; }

    public int PhaseOnePivots { get; private set; }

    public int Refactors { get; private set; }

    public int DroppedInRefactor { get; private set; }

    public int AddVariable(double cost, double lower, double upper, ReadOnlySpan<(int Row, double Coefficient)> column = default)
    {
        if (lower > upper)
        {
            throw new ArgumentException($"Lower bound {lower} exceeds upper bound {upper}.", nameof(lower));
        }

        var rows = new int[column.Length];
        var values = new double[column.Length];
        for (var i = 0; i < column.Length; i++)
        {
            if (column[i].Row < 0 || column[i].Row >= RowCount)
            {
                throw new ArgumentOutOfRangeException(nameof(column), $"Row {column[i].Row} does not exist.");
            }

            rows[i] = column[i].Row;
            values[i] = column[i].Coefficient;
        }

        var c = new Column(rows, values, cost, lower, upper, IsSlack: false);
        PlaceAtBound(c);
        _columns.Add(c);
        _variableColumn.Add(_columns.Count - 1);
        return _variableColumn.Count - 1;
    }

    public int AddRow(RowKind kind, double rhs, ReadOnlySpan<(int Variable, double Coefficient)> terms = default)
    {
        var row = RowCount;
        var (lower, upper) = kind switch
        {
            RowKind.LessOrEqual => (0.0, double.PositiveInfinity),
            RowKind.GreaterOrEqual => (double.NegativeInfinity, 0.0),
            _ => (0.0, 0.0),
        };
        var slack = new Column([row], [1.0], 0.0, lower, upper, IsSlack: true);
        PlaceAtBound(slack);
        _columns.Add(slack);
        _rowSlack.Add(_columns.Count - 1);
        _rhs.Add(rhs);
        foreach (var (variable, coefficient) in terms)
        {
            var c = _columns[_variableColumn[variable]];
            c.Append(row, coefficient);
        }

        if (_hasBasis)
        {
            ExtendBasisWithRow(row);
        }

        return row;
    }

    public void SetBounds(int variable, double lower, double upper)
    {
        if (lower > upper)
        {
            throw new ArgumentException($"Lower bound {lower} exceeds upper bound {upper}.", nameof(lower));
        }

        var c = _columns[_variableColumn[variable]];
        c.Lower = lower;
        c.Upper = upper;
        if (c.State != Basic)
        {
            PlaceAtBound(c);
        }
    }

    public (double Lower, double Upper) GetBounds(int variable)
    {
        var c = _columns[_variableColumn[variable]];
        return (c.Lower, c.Upper);
    }

    public void SetCost(int variable, double cost) => _columns[_variableColumn[variable]].Cost = cost;

    public void SetRhs(int row, double rhs) => _rhs[row] = rhs;

    public double Value(int variable)
    {
        var c = _columns[_variableColumn[variable]];
        return c.State == Basic ? _basicValues[c.Position] : c.Value;
    }

    public double[] Values()
    {
        var values = new double[VariableCount];
        for (var v = 0; v < values.Length; v++)
        {
            values[v] = Value(v);
        }

        return values;
    }

    /// <summary>The dual value of a row at the last optimal solve: the rate at which the objective changes with its right-hand side.</summary>
    public double RowDual(int row) => _duals[row];

    public double RowActivity(int row)
    {
        var s = _columns[_rowSlack[row]];
        var slack = s.State == Basic ? _basicValues[s.Position] : s.Value;
        return _rhs[row] - slack;
    }

    /// <summary>
    /// Makes the next solve start from a basis holding the given variables, in order of preference, as far as they
    /// are independent (each is pivoted in on its largest element among rows still covered by their slack), and
    /// slacks elsewhere. Every other variable goes to a bound. A warm start from an approximate solution's support:
    /// the solve then repairs any infeasibility by its phase 1. Returns how many of the variables became basic.
    /// </summary>
    public int Crash(IEnumerable<int> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        foreach (var c in _columns)
        {
            if (c.State == Basic)
            {
                PlaceAtBound(c);
            }
        }

        StartFromSlackBasis();
        var m = RowCount;
        var replaceable = Enumerable.Repeat(true, m).ToArray();
        var alpha = new double[m];
        var placed = 0;
        foreach (var variable in variables)
        {
            var c = _columns[_variableColumn[variable]];
            if (c.State == Basic || c.Lower == c.Upper)
            {
                continue;
            }

            FtranColumn(c, alpha);
            var position = -1;
            var best = CrashPivotTolerance;
            for (var r = 0; r < m; r++)
            {
                if (replaceable[r] && Math.Abs(alpha[r]) > best)
                {
                    best = Math.Abs(alpha[r]);
                    position = r;
                }
            }

            if (position < 0)
            {
                continue;
            }

            Pivot(alpha, position);
            replaceable[position] = false;
            PlaceAtBound(_columns[_head[position]]);
            _head[position] = _variableColumn[variable];
            c.Position = position;
            c.State = Basic;
            placed++;
        }

        _pivotsSinceRefactor = 0;
        return placed;
    }

    public LpStatus Solve(CancellationToken cancellationToken = default) => Solve(int.MaxValue, cancellationToken);

    /// <summary>
    /// Like <see cref="Solve(CancellationToken)"/>, but stops after <paramref name="pivotLimit"/> pivots with status
    /// <see cref="LpStatus.IterationLimit"/>; if the basis is then feasible, <see cref="RowDual"/> gives its simplex
    /// multipliers (not dual feasible: good prices for column generation, no proof of optimality).
    /// </summary>
    public LpStatus Solve(int pivotLimit, CancellationToken cancellationToken = default)
    {
        var pivotsAtStart = Iterations;
        if (!_hasBasis)
        {
            StartFromSlackBasis();
        }

        ComputeBasicValues();
        var m = RowCount;
        var costs = new double[m];
        var y = new double[m];
        var alpha = new double[m];
        var degenerate = 0;
        var troubles = 0;
        var recomputed = false;
        var dualsCurrent = false;
        _duals = new double[m];
        for (var iteration = 0; iteration < _options.IterationLimit; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var infeasible = PhaseCosts(costs);
            if (Iterations - pivotsAtStart >= pivotLimit && !infeasible)
            {
                ComputeDuals(costs, y);
                Array.Copy(y, _duals, m);
                Objective = ComputeObjective();
                Status = LpStatus.IterationLimit;
                return Status;
            }

            if (infeasible || !dualsCurrent)
            {
                ComputeDuals(costs, y);
            }

            dualsCurrent = false;
            var bland = degenerate > _options.DegenerateStallLimit;
            var entering = ChooseEntering(y, usePhaseOneCosts: infeasible, bland, out var reducedCost);
            if (entering < 0)
            {
                if (infeasible && _pivotsSinceRefactor > 0)
                {
                    // Never report infeasibility from an inverse carrying round-off: refactor and look again.
                    Refactor();
                    ComputeBasicValues();
                    dualsCurrent = false;
                    continue;
                }

                if (_pivotsSinceRefactor > 0 && !recomputed)
                {
                    // Recompute the basic values from the right-hand side so that drift from the incremental
                    // updates cannot hide a violated bound; the loop goes on if one appears.
                    ComputeBasicValues();
                    recomputed = true;
                    continue;
                }

                Status = infeasible ? LpStatus.Infeasible : LpStatus.Optimal;
                Array.Copy(y, _duals, m);
                Objective = ComputeObjective();
                return Status;
            }

            recomputed = false;
            var q = _columns[entering];
            var direction = reducedCost < 0 ? 1.0 : -1.0;
            FtranColumn(q, alpha);
            var leavingPosition = RatioTest(alpha, direction, bland, out var step, out var leaveAtUpper);
            var flip = q.Upper - q.Lower;
            if (leavingPosition < 0 && double.IsPositiveInfinity(flip))
            {
                if (!infeasible)
                {
                    Status = LpStatus.Unbounded;
                    Objective = double.NegativeInfinity;
                    return Status;
                }

                // A phase-1 direction with no breakpoint can only come from round-off: refactor and retry.
                if (++troubles > 5)
                {
                    Status = LpStatus.Infeasible;
                    return Status;
                }

                Refactor();
                ComputeBasicValues();
                continue;
            }

            if (leavingPosition < 0 || flip <= step)
            {
                for (var r = 0; r < m; r++)
                {
                    _basicValues[r] -= direction * flip * alpha[r];
                }

                q.State = direction > 0 ? AtUpper : AtLower;
                q.Value = direction > 0 ? q.Upper : q.Lower;
                degenerate = 0;
                dualsCurrent = !infeasible;
                continue;
            }

            var enteringValue = q.Value + (direction * step);
            for (var r = 0; r < m; r++)
            {
                _basicValues[r] -= direction * step * alpha[r];
            }

            var leaving = _columns[_head[leavingPosition]];
            leaving.State = leaveAtUpper ? AtUpper : AtLower;
            leaving.Value = leaveAtUpper ? leaving.Upper : leaving.Lower;
            leaving.Position = -1;
            q.State = Basic;
            q.Position = leavingPosition;
            _head[leavingPosition] = entering;
            _basicValues[leavingPosition] = enteringValue;
            Pivot(alpha, leavingPosition);
            if (!infeasible)
            {
                // Phase 2 costs are fixed: y' = y + d_q · (new row of the pivot in B⁻¹), one pass instead of a product.
                AddScaledRow(y, reducedCost, leavingPosition);
                dualsCurrent = true;
            }

            Iterations++;
            degenerate = step < 1e-12 ? degenerate + 1 : 0;
            DegeneratePivots += step < 1e-12 ? 1 : 0;

            BlandPivots += bland ? 1 : 0;
            PhaseOnePivots += infeasible ? 1 : 0;
            if (++_pivotsSinceRefactor >= _options.RefactorInterval)
            {
                Refactor();
                ComputeBasicValues();
                dualsCurrent = false;
            }
        }

        Status = LpStatus.IterationLimit;
        return Status;
    }

    private static void PlaceAtBound(Column c)
    {
        if (!double.IsNegativeInfinity(c.Lower))
        {
            c.State = AtLower;
            c.Value = c.Lower;
        }
        else if (!double.IsPositiveInfinity(c.Upper))
        {
            c.State = AtUpper;
            c.Value = c.Upper;
        }
        else
        {
            c.State = FreeAtZero;
            c.Value = 0;
        }

        c.Position = -1;
    }

    private void StartFromSlackBasis()
    {
        var m = RowCount;
        _head = new int[m];
        _inverse = new double[m * m];
        _basicValues = new double[m];
        for (var r = 0; r < m; r++)
        {
            var s = _columns[_rowSlack[r]];
            s.State = Basic;
            s.Position = r;
            _head[r] = _rowSlack[r];
            _inverse[(r * m) + r] = 1;
        }

        _hasBasis = true;
    }

    private void ExtendBasisWithRow(int row)
    {
        // B' = [[B, 0], [r_B, 1]] so B'^-1 = [[B^-1, 0], [-r_B B^-1, 1]], with r_B the new row on the basic columns.
        var m = row;
        var n = m + 1;
        var inverse = new double[n * n];
        for (var r = 0; r < m; r++)
        {
            Array.Copy(_inverse, r * m, inverse, r * n, m);
        }

        for (var p = 0; p < m; p++)
        {
            var coefficient = _columns[_head[p]].CoefficientIn(row);
            if (coefficient == 0)
            {
                continue;
            }

            for (var i = 0; i < m; i++)
            {
                inverse[(m * n) + i] -= coefficient * _inverse[(p * m) + i];
            }
        }

        inverse[(m * n) + m] = 1;
        _inverse = inverse;
        Array.Resize(ref _head, n);
        Array.Resize(ref _basicValues, n);
        var s = _columns[_rowSlack[row]];
        s.State = Basic;
        s.Position = m;
        _head[m] = _rowSlack[row];
    }

    /// <summary>Phase-1 costs (violations) if the basis is infeasible, otherwise the true costs.</summary>
    private bool PhaseCosts(double[] costs)
    {
        var tolerance = _options.PrimalTolerance;
        var infeasible = false;
        for (var r = 0; r < costs.Length; r++)
        {
            var c = _columns[_head[r]];
            var x = _basicValues[r];
            if (x < c.Lower - tolerance)
            {
                costs[r] = -1;
                infeasible = true;
            }
            else if (x > c.Upper + tolerance)
            {
                costs[r] = 1;
                infeasible = true;
            }
            else
            {
                costs[r] = 0;
            }
        }

        if (!infeasible)
        {
            for (var r = 0; r < costs.Length; r++)
            {
                costs[r] = _columns[_head[r]].Cost;
            }
        }

        return infeasible;
    }

    private void ComputeDuals(double[] costs, double[] y)
    {
        Array.Clear(y);
        for (var r = 0; r < costs.Length; r++)
        {
            if (costs[r] != 0)
            {
                AddScaledRow(y, costs[r], r);
            }
        }
    }

    /// <summary>target += factor · (row <paramref name="position"/> of the basis inverse).</summary>
    private void AddScaledRow(double[] target, double factor, int position)
    {
        var m = target.Length;
        Axpy(target.AsSpan(), factor, _inverse.AsSpan(position * m, m));
    }

    /// <summary>target += factor · source, vectorised.</summary>
    private static void Axpy(Span<double> target, double factor, ReadOnlySpan<double> source)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && target.Length >= Vector<double>.Count)
        {
            var f = new Vector<double>(factor);
            var width = Vector<double>.Count;
            for (; i <= target.Length - width; i += width)
            {
                var t = new Vector<double>(target[i..]);
                var v = new Vector<double>(source[i..]);
                (t + (f * v)).CopyTo(target[i..]);
            }
        }

        for (; i < target.Length; i++)
        {
            target[i] += factor * source[i];
        }
    }

    private int ChooseEntering(double[] y, bool usePhaseOneCosts, bool bland, out double reducedCost)
    {
        var tolerance = _options.DualTolerance;
        var best = -1;
        var bestScore = 0.0;
        reducedCost = 0;
        _candidateCount = 0;
        for (var j = 0; j < _columns.Count; j++)
        {
            var c = _columns[j];
            if (c.State == Basic || c.Lower == c.Upper)
            {
                continue;
            }

            var d = usePhaseOneCosts ? 0.0 : c.Cost;
            for (var k = 0; k < c.Count; k++)
            {
                d -= y[c.Rows[k]] * c.Values[k];
            }

            var canIncrease = c.State != AtUpper && d < -tolerance;
            var canDecrease = c.State != AtLower && d > tolerance;
            if (!canIncrease && !canDecrease)
            {
                continue;
            }

            var score = Math.Abs(d) / c.Norm;
            if (bland)
            {
                reducedCost = d;
                return j;
            }

            if (score > bestScore)
            {
                bestScore = score;
                best = j;
                reducedCost = d;
            }

            if (_candidateLimit > 1)
            {
                InsertCandidate(j, d, score);
            }
        }

        if (_candidateLimit > 1 && _candidateCount > 1 && !bland)
        {
            // Steepest edge among the best few by Dantzig's rule: the largest decrease per unit length of the edge.
            var alpha = new double[y.Length];
            var bestEdge = 0.0;
            for (var i = 0; i < _candidateCount; i++)
            {
                var c = _columns[_candidates[i]];
                FtranColumn(c, alpha);
                var gamma = 1.0;
                foreach (var a in alpha)
                {
                    gamma += a * a;
                }

                var edge = _candidateReduced[i] * _candidateReduced[i] / gamma;
                if (edge > bestEdge)
                {
                    bestEdge = edge;
                    best = _candidates[i];
                    reducedCost = _candidateReduced[i];
                }
            }
        }

        _candidateCount = 0;
        return best;
    }

    private void InsertCandidate(int column, double reduced, double score)
    {
        if (_candidates.Length != _candidateLimit)
        {
            _candidates = new int[_candidateLimit];
            _candidateReduced = new double[_candidateLimit];
            _candidateScore = new double[_candidateLimit];
        }

        var position = _candidateCount;
        if (position == _candidateLimit)
        {
            if (score <= _candidateScore[position - 1])
            {
                return;
            }

            position--;
        }
        else
        {
            _candidateCount++;
        }

        while (position > 0 && _candidateScore[position - 1] < score)
        {
            _candidates[position] = _candidates[position - 1];
            _candidateReduced[position] = _candidateReduced[position - 1];
            _candidateScore[position] = _candidateScore[position - 1];
            position--;
        }

        _candidates[position] = column;
        _candidateReduced[position] = reduced;
        _candidateScore[position] = score;
    }

    private void FtranColumn(Column c, double[] alpha)
    {
        var m = alpha.Length;
        var rows = c.Rows;
        var values = c.Values;
        for (var r = 0; r < m; r++)
        {
            var offset = r * m;
            var sum = 0.0;
            for (var k = 0; k < rows.Length; k++)
            {
                sum += _inverse[offset + rows[k]] * values[k];
            }

            alpha[r] = sum;
        }
    }

    /// <summary>Harris's two-pass ratio test; returns the leaving basis position or -1 if no basic variable limits the step.</summary>
    private int RatioTest(double[] alpha, double direction, bool bland, out double step, out bool leaveAtUpper)
    {
        var tolerance = _options.PrimalTolerance;
        var pivotTolerance = _options.PivotTolerance;
        var m = alpha.Length;
        var relaxedBound = double.PositiveInfinity;
        for (var r = 0; r < m; r++)
        {
            var rate = -direction * alpha[r];
            if (Math.Abs(alpha[r]) < pivotTolerance)
            {
                continue;
            }

            var limit = Limit(r, rate, tolerance, out _);
            relaxedBound = Math.Min(relaxedBound, limit);
        }

        step = double.PositiveInfinity;
        leaveAtUpper = false;
        if (double.IsPositiveInfinity(relaxedBound))
        {
            return -1;
        }

        var chosen = -1;
        var bestPivot = 0.0;
        var bestColumn = int.MaxValue;
        var exactBest = double.PositiveInfinity;
        for (var r = 0; r < m; r++)
        {
            var rate = -direction * alpha[r];
            if (Math.Abs(alpha[r]) < pivotTolerance)
            {
                continue;
            }

            var exact = Limit(r, rate, 0, out var atUpper);
            if (double.IsPositiveInfinity(exact))
            {
                continue;
            }

            if (bland)
            {
                if (exact < exactBest - 1e-12 || (exact <= exactBest + 1e-12 && _head[r] < bestColumn))
                {
                    exactBest = Math.Min(exact, exactBest);
                    chosen = r;
                    bestColumn = _head[r];
                    leaveAtUpper = atUpper;
                }

                continue;
            }

            if (exact <= relaxedBound && Math.Abs(alpha[r]) > bestPivot)
            {
                bestPivot = Math.Abs(alpha[r]);
                chosen = r;
                leaveAtUpper = atUpper;
                exactBest = exact;
            }
        }

        step = chosen < 0 ? double.PositiveInfinity : Math.Max(0, exactBest);
        return chosen;
    }

    /// <summary>How far the entering variable may move before basic position r reaches a bound (relaxed by tolerance).</summary>
    private double Limit(int r, double rate, double tolerance, out bool atUpper)
    {
        var c = _columns[_head[r]];
        var x = _basicValues[r];
        atUpper = false;
        if (rate < 0)
        {
            if (x > c.Upper + _options.PrimalTolerance)
            {
                atUpper = true;
                return (x - c.Upper + tolerance) / -rate;
            }

            if (x >= c.Lower - _options.PrimalTolerance && !double.IsNegativeInfinity(c.Lower))
            {
                return Math.Max(0, x - c.Lower + tolerance) / -rate;
            }

            return double.PositiveInfinity;
        }

        if (x < c.Lower - _options.PrimalTolerance)
        {
            return (c.Lower - x + tolerance) / rate;
        }

        if (x <= c.Upper + _options.PrimalTolerance && !double.IsPositiveInfinity(c.Upper))
        {
            atUpper = true;
            return Math.Max(0, c.Upper - x + tolerance) / rate;
        }

        return double.PositiveInfinity;
    }

    private void Pivot(double[] alpha, int position)
    {
        var m = alpha.Length;
        var pivotRow = _inverse.AsSpan(position * m, m);
        var scale = 1 / alpha[position];
        for (var i = 0; i < m; i++)
        {
            pivotRow[i] *= scale;
        }

        for (var r = 0; r < m; r++)
        {
            var factor = alpha[r];
            if (r == position || factor == 0)
            {
                continue;
            }

            Axpy(_inverse.AsSpan(r * m, m), -factor, pivotRow);
        }
    }

    /// <summary>
    /// Recomputes the basis inverse from the columns: start from the slack basis and pivot each basic
    /// structural column in, on the largest available element. Columns that turn out dependent leave the basis.
    /// </summary>
    private void Refactor()
    {
        Refactors++;
        var m = RowCount;
        var basic = _head.ToArray();
        var basicSlackRows = new bool[m];
        foreach (var j in basic)
        {
            if (_columns[j].IsSlack)
            {
                basicSlackRows[_columns[j].Rows[0]] = true;
            }
        }

        Array.Clear(_inverse);
        for (var r = 0; r < m; r++)
        {
            _inverse[(r * m) + r] = 1;
            _head[r] = _rowSlack[r];
            var s = _columns[_rowSlack[r]];
            s.Position = r;
            s.State = Basic;
        }

        var replaceable = new bool[m];
        for (var r = 0; r < m; r++)
        {
            replaceable[r] = !basicSlackRows[r];
        }

        var alpha = new double[m];
        foreach (var j in basic)
        {
            var c = _columns[j];
            if (c.IsSlack)
            {
                continue;
            }

            FtranColumn(c, alpha);
            var position = -1;
            var best = _options.PivotTolerance;
            for (var r = 0; r < m; r++)
            {
                if (replaceable[r] && Math.Abs(alpha[r]) > best)
                {
                    best = Math.Abs(alpha[r]);
                    position = r;
                }
            }

            if (position < 0)
            {
                DroppedInRefactor++;
                PlaceAtBound(c);
                continue;
            }

            Pivot(alpha, position);
            replaceable[position] = false;
            _head[position] = j;
            c.Position = position;
            c.State = Basic;
        }

        for (var r = 0; r < m; r++)
        {
            if (_head[r] != _rowSlack[r])
            {
                PlaceAtBound(_columns[_rowSlack[r]]);
            }
        }

        _pivotsSinceRefactor = 0;
    }

    private void ComputeBasicValues()
    {
        var m = RowCount;
        var residual = _rhs.ToArray();
        foreach (var c in _columns)
        {
            if (c.State == Basic || c.Value == 0)
            {
                continue;
            }

            for (var k = 0; k < c.Count; k++)
            {
                residual[c.Rows[k]] -= c.Values[k] * c.Value;
            }
        }

        for (var r = 0; r < m; r++)
        {
            var sum = 0.0;
            var offset = r * m;
            for (var i = 0; i < m; i++)
            {
                sum += _inverse[offset + i] * residual[i];
            }

            _basicValues[r] = sum;
        }
    }

    private double ComputeObjective()
    {
        var total = 0.0;
        foreach (var j in _variableColumn)
        {
            var c = _columns[j];
            var x = c.State == Basic ? _basicValues[c.Position] : c.Value;
            total += c.Cost * x;
        }

        return total;
    }

    private sealed class Column(int[] rows, double[] values, double cost, double lower, double upper, bool IsSlack)
    {
        public int[] Rows { get; private set; } = rows;

        public double[] Values { get; private set; } = values;

        public int Count => Rows.Length;

        public double Cost { get; set; } = cost;

        public double Lower { get; set; } = lower;

        public double Upper { get; set; } = upper;

        public bool IsSlack { get; } = IsSlack;

        public int State { get; set; }

        public double Value { get; set; }

        public int Position { get; set; } = -1;

        public double Norm { get; private set; } = Math.Max(1.0, Math.Sqrt(values.Sum(v => v * v)));

        public void Append(int row, double value)
        {
            Rows = [.. Rows, row];
            Values = [.. Values, value];
            Norm = Math.Max(1.0, Math.Sqrt(Values.Sum(v => v * v)));
        }

        public double CoefficientIn(int row)
        {
            for (var k = 0; k < Rows.Length; k++)
            {
                if (Rows[k] == row)
                {
                    return Values[k];
                }
            }

            return 0;
        }
    }
}
