using Reflexes.Optimization;

namespace Reflexes.Optimization.Tests;

/// <summary>A model kept on the test side too, so that a solve can be checked against it independently.</summary>
internal sealed class TestModel
{
    public List<(RowKind Kind, double Rhs)> Rows { get; } = [];

    public List<(double Cost, double Lower, double Upper, (int Row, double Coefficient)[] Column)> Variables { get; } = [];

    public int Row(RowKind kind, double rhs)
    {
        Rows.Add((kind, rhs));
        return Rows.Count - 1;
    }

    public int Variable(double cost, double lower, double upper, params (int Row, double Coefficient)[] column)
    {
        Variables.Add((cost, lower, upper, column));
        return Variables.Count - 1;
    }

    public SimplexSolver Build(SimplexOptions? options = null)
    {
        var lp = new SimplexSolver(options);
        foreach (var (kind, rhs) in Rows)
        {
            lp.AddRow(kind, rhs);
        }

        foreach (var (cost, lower, upper, column) in Variables)
        {
            lp.AddVariable(cost, lower, upper, column);
        }

        return lp;
    }

    public double Activity(int row, IReadOnlyList<double> x) =>
        Variables.Select((v, j) => v.Column.Where(e => e.Row == row).Sum(e => e.Coefficient) * x[j]).Sum();

    public bool IsFeasible(IReadOnlyList<double> x, double tolerance)
    {
        for (var j = 0; j < Variables.Count; j++)
        {
            if (x[j] < Variables[j].Lower - tolerance || x[j] > Variables[j].Upper + tolerance)
            {
                return false;
            }
        }

        for (var i = 0; i < Rows.Count; i++)
        {
            var a = Activity(i, x);
            var ok = Rows[i].Kind switch
            {
                RowKind.LessOrEqual => a <= Rows[i].Rhs + tolerance,
                RowKind.GreaterOrEqual => a >= Rows[i].Rhs - tolerance,
                _ => Math.Abs(a - Rows[i].Rhs) <= tolerance,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    public double Cost(IReadOnlyList<double> x) => Variables.Select((v, j) => v.Cost * x[j]).Sum();

    /// <summary>
    /// Checks the Karush–Kuhn–Tucker conditions from the reported primal values and row duals: primal
    /// feasibility, dual signs, complementary slackness on rows, and reduced costs consistent with the bounds.
    /// Together they prove the solution optimal without trusting the solver.
    /// </summary>
    public void CheckOptimalityCertificate(SimplexSolver lp, double tolerance)
    {
        var x = lp.Values();
        IsFeasible(x, tolerance).ShouldBeTrue("primal feasibility");
        var scale = 1 + Variables.Max(v => Math.Abs(v.Cost));
        for (var i = 0; i < Rows.Count; i++)
        {
            var y = lp.RowDual(i);
            var slack = Rows[i].Rhs - Activity(i, x);
            switch (Rows[i].Kind)
            {
                case RowKind.LessOrEqual:
                    y.ShouldBeLessThanOrEqualTo(tolerance * scale, $"dual sign of row {i}");
                    break;
                case RowKind.GreaterOrEqual:
                    y.ShouldBeGreaterThanOrEqualTo(-tolerance * scale, $"dual sign of row {i}");
                    break;
                default:
                    break;
            }

            if (Math.Abs(slack) > 1e-6)
            {
                Math.Abs(y).ShouldBeLessThan(1e-6 * scale, $"complementary slackness of row {i}");
            }
        }

        for (var j = 0; j < Variables.Count; j++)
        {
            var (cost, lower, upper, column) = Variables[j];
            var d = cost - column.Sum(e => lp.RowDual(e.Row) * e.Coefficient);
            var atLower = x[j] <= lower + 1e-7;
            var atUpper = x[j] >= upper - 1e-7;
            if (!atLower)
            {
                d.ShouldBeLessThanOrEqualTo(1e-6 * scale, $"reduced cost of variable {j} above its lower bound");
            }

            if (!atUpper)
            {
                d.ShouldBeGreaterThanOrEqualTo(-1e-6 * scale, $"reduced cost of variable {j} below its upper bound");
            }
        }

        lp.Objective.ShouldBe(Cost(x), 1e-6 * scale);
    }
}
