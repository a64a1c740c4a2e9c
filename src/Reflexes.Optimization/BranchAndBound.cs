namespace Reflexes.Optimization;

/// <summary>
/// Depth-first branch-and-bound over a <see cref="SimplexSolver"/> model (minimisation): branches on the most
/// fractional integer variable, explores the nearer rounding first, and re-optimises each node from its
/// parent's basis. Bounds are restored after the search, so the model can be solved again with other costs.
/// </summary>
public sealed class BranchAndBound(SimplexSolver model, IReadOnlyList<int> integerVariables, BranchAndBoundOptions? options = null)
{
    private readonly BranchAndBoundOptions _options = options ?? BranchAndBoundOptions.Default;
    private double _incumbent;
    private double[]? _best;
    private int _nodes;
    private int _nodesAtFirstSolution = -1;
    private bool _unbounded;
    private Action<IReadOnlyList<double>, double>? _onSolution;

    /// <summary>
    /// Finds a minimum. With a <paramref name="cutoff"/>, only solutions with objective below it are sought
    /// (status <see cref="LpStatus.Infeasible"/> then means none exists). <paramref name="onSolution"/> sees every
    /// improving integer solution, which lets column generation keep more than the best one.
    /// </summary>
    public IntegerResult Solve(double cutoff = double.PositiveInfinity, Action<IReadOnlyList<double>, double>? onSolution = null, CancellationToken cancellationToken = default)
    {
        _incumbent = cutoff;
        _best = null;
        _nodes = 0;
        _nodesAtFirstSolution = -1;
        _unbounded = false;
        _onSolution = onSolution;
        var complete = Explore(cancellationToken);
        if (_unbounded)
        {
            return new IntegerResult(LpStatus.Unbounded, double.NegativeInfinity, [], _nodes);
        }

        if (_best is null)
        {
            return new IntegerResult(complete ? LpStatus.Infeasible : LpStatus.NodeLimit, double.PositiveInfinity, [], _nodes);
        }

        return new IntegerResult(complete ? LpStatus.Optimal : LpStatus.NodeLimit, _incumbent, _best, _nodes);
    }

    private bool Explore(CancellationToken cancellationToken)
    {
        if (++_nodes > _options.NodeLimit)
        {
            return false;
        }

        if (_nodesAtFirstSolution >= 0 && _nodes - _nodesAtFirstSolution > _options.NodesAfterFirstSolution)
        {
            return false;
        }

        var status = model.Solve(cancellationToken);
        if (status == LpStatus.Infeasible)
        {
            return true;
        }

        if (status == LpStatus.Unbounded)
        {
            _unbounded = true;
            return true;
        }

        if (status != LpStatus.Optimal)
        {
            return false;
        }

        if (model.Objective >= _incumbent - _options.AbsoluteGap)
        {
            return true;
        }

        var branch = -1;
        var value = 0.0;
        var mostFractional = _options.IntegralityTolerance;
        foreach (var v in integerVariables)
        {
            var x = model.Value(v);
            var fraction = Math.Abs(x - Math.Round(x));
            if (fraction > mostFractional)
            {
                mostFractional = fraction;
                branch = v;
                value = x;
            }
        }

        if (branch < 0)
        {
            var values = model.Values();
            foreach (var v in integerVariables)
            {
                values[v] = Math.Round(values[v]);
            }

            _incumbent = model.Objective;
            _best = values;
            if (_nodesAtFirstSolution < 0)
            {
                _nodesAtFirstSolution = _nodes;
            }

            _onSolution?.Invoke(values, _incumbent);
            return true;
        }

        var (lower, upper) = model.GetBounds(branch);
        var down = Math.Floor(value);
        var upFirst = value - down > 0.5;
        var complete = true;
        for (var side = 0; side < 2; side++)
        {
            var goUp = (side == 0) == upFirst;
            if (goUp)
            {
                model.SetBounds(branch, down + 1, upper);
            }
            else
            {
                model.SetBounds(branch, lower, down);
            }

            complete &= Explore(cancellationToken);
            model.SetBounds(branch, lower, upper);
            if (!complete)
            {
                break;
            }
        }

        return complete;
    }
}
