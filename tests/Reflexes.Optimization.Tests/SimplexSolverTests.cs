using Reflexes.Optimization;

namespace Reflexes.Optimization.Tests;

public sealed class SimplexSolverTests
{
    private const double Tolerance = 1e-7;

    [Fact]
    public void Solves_a_textbook_maximisation_with_inequality_rows()
    {
        // max 3x + 5y, x <= 4, 2y <= 12, 3x + 2y <= 18  → x = 2, y = 6, value 36.
        var lp = new SimplexSolver();
        var r1 = lp.AddRow(RowKind.LessOrEqual, 4);
        var r2 = lp.AddRow(RowKind.LessOrEqual, 12);
        var r3 = lp.AddRow(RowKind.LessOrEqual, 18);
        var x = lp.AddVariable(-3, 0, double.PositiveInfinity, [(r1, 1), (r3, 3)]);
        var y = lp.AddVariable(-5, 0, double.PositiveInfinity, [(r2, 2), (r3, 2)]);

        lp.Solve().ShouldBe(LpStatus.Optimal);

        lp.Objective.ShouldBe(-36, Tolerance);
        lp.Value(x).ShouldBe(2, Tolerance);
        lp.Value(y).ShouldBe(6, Tolerance);
        // Shadow prices of the binding rows (minimisation convention: ≤ rows have non-positive duals).
        lp.RowDual(r1).ShouldBe(0, Tolerance);
        lp.RowDual(r2).ShouldBe(-1.5, Tolerance);
        lp.RowDual(r3).ShouldBe(-1, Tolerance);
    }

    [Fact]
    public void Handles_equality_and_greater_or_equal_rows_that_the_slack_basis_violates()
    {
        // min x + 2y + 3z, x + y + z = 10, x - y >= 2, z >= 1 (as a row), x <= 5.
        var lp = new SimplexSolver();
        var sum = lp.AddRow(RowKind.Equal, 10);
        var diff = lp.AddRow(RowKind.GreaterOrEqual, 2);
        var atLeast = lp.AddRow(RowKind.GreaterOrEqual, 1);
        var x = lp.AddVariable(1, 0, 5, [(sum, 1), (diff, 1)]);
        var y = lp.AddVariable(2, 0, double.PositiveInfinity, [(sum, 1), (diff, -1)]);
        var z = lp.AddVariable(3, 0, double.PositiveInfinity, [(sum, 1), (atLeast, 1)]);

        lp.Solve().ShouldBe(LpStatus.Optimal);

        lp.Value(x).ShouldBe(5, Tolerance);
        lp.Value(y).ShouldBe(3, Tolerance);
        lp.Value(z).ShouldBe(2, Tolerance);
        lp.Objective.ShouldBe(17, Tolerance);
    }

    [Fact]
    public void Reports_infeasibility()
    {
        var lp = new SimplexSolver();
        var low = lp.AddRow(RowKind.GreaterOrEqual, 5);
        var high = lp.AddRow(RowKind.LessOrEqual, 3);
        lp.AddVariable(1, 0, 10, [(low, 1), (high, 1)]);

        lp.Solve().ShouldBe(LpStatus.Infeasible);
    }

    [Fact]
    public void Reports_infeasibility_from_bounds_alone()
    {
        var lp = new SimplexSolver();
        var row = lp.AddRow(RowKind.Equal, 7);
        lp.AddVariable(0, 0, 2, [(row, 1)]);
        lp.AddVariable(0, 0, 3, [(row, 1)]);

        lp.Solve().ShouldBe(LpStatus.Infeasible);
    }

    [Fact]
    public void Reports_unboundedness()
    {
        // min -x - y with x - y <= 1: x and y can grow together forever.
        var lp = new SimplexSolver();
        var row = lp.AddRow(RowKind.LessOrEqual, 1);
        lp.AddVariable(-1, 0, double.PositiveInfinity, [(row, 1)]);
        lp.AddVariable(-1, 0, double.PositiveInfinity, [(row, -1)]);

        lp.Solve().ShouldBe(LpStatus.Unbounded);
    }

    [Fact]
    public void Free_variables_and_negative_bounds_are_honoured()
    {
        // min x subject to x >= y - 4 and y = 1, x free → x = -3.
        var lp = new SimplexSolver();
        var link = lp.AddRow(RowKind.GreaterOrEqual, -4);
        var fix = lp.AddRow(RowKind.Equal, 1);
        var x = lp.AddVariable(1, double.NegativeInfinity, double.PositiveInfinity, [(link, 1)]);
        var y = lp.AddVariable(0, -10, 10, [(link, -1), (fix, 1)]);

        lp.Solve().ShouldBe(LpStatus.Optimal);

        lp.Value(x).ShouldBe(-3, Tolerance);
        lp.Value(y).ShouldBe(1, Tolerance);
    }

    [Fact]
    public void Beale_cycling_example_terminates_at_the_optimum()
    {
        // Beale (1955): Dantzig's rule cycles on this degenerate LP without an anti-cycling rule. Optimum -0.05.
        var lp = new SimplexSolver();
        var r1 = lp.AddRow(RowKind.LessOrEqual, 0);
        var r2 = lp.AddRow(RowKind.LessOrEqual, 0);
        var r3 = lp.AddRow(RowKind.LessOrEqual, 1);
        lp.AddVariable(-0.75, 0, double.PositiveInfinity, [(r1, 0.25), (r2, 0.5)]);
        lp.AddVariable(150, 0, double.PositiveInfinity, [(r1, -60), (r2, -90)]);
        lp.AddVariable(-0.02, 0, double.PositiveInfinity, [(r1, -0.04), (r2, -0.02), (r3, 1)]);
        lp.AddVariable(6, 0, double.PositiveInfinity, [(r1, 9), (r2, 3)]);

        lp.Solve().ShouldBe(LpStatus.Optimal);

        lp.Objective.ShouldBe(-0.05, Tolerance);
    }

    [Fact]
    public void A_column_added_after_solving_is_priced_in_from_the_previous_basis()
    {
        // Column generation: max p1 + 2 p2 with p1 + p2 <= 1, then a better column arrives.
        var lp = new SimplexSolver();
        var budget = lp.AddRow(RowKind.LessOrEqual, 1);
        lp.AddVariable(-1, 0, double.PositiveInfinity, [(budget, 1)]);
        lp.AddVariable(-2, 0, double.PositiveInfinity, [(budget, 1)]);
        lp.Solve().ShouldBe(LpStatus.Optimal);
        lp.Objective.ShouldBe(-2, Tolerance);

        var better = lp.AddVariable(-5, 0, double.PositiveInfinity, [(budget, 2)]);
        lp.Solve().ShouldBe(LpStatus.Optimal);

        lp.Objective.ShouldBe(-2.5, Tolerance);
        lp.Value(better).ShouldBe(0.5, Tolerance);
    }

    [Fact]
    public void A_row_added_after_solving_cuts_off_the_previous_optimum()
    {
        var lp = new SimplexSolver();
        var row = lp.AddRow(RowKind.LessOrEqual, 10);
        var x = lp.AddVariable(-1, 0, 8, [(row, 1)]);
        var y = lp.AddVariable(-1, 0, 8, [(row, 1)]);
        lp.Solve().ShouldBe(LpStatus.Optimal);
        lp.Objective.ShouldBe(-10, Tolerance);

        lp.AddRow(RowKind.LessOrEqual, 4, [(x, 1), (y, 2)]);
        lp.Solve().ShouldBe(LpStatus.Optimal);

        lp.Value(x).ShouldBe(4, Tolerance);
        lp.Value(y).ShouldBe(0, Tolerance);
    }

    [Fact]
    public void Changing_costs_and_bounds_between_solves_reoptimises()
    {
        var lp = new SimplexSolver();
        var row = lp.AddRow(RowKind.Equal, 5);
        var x = lp.AddVariable(1, 0, 5, [(row, 1)]);
        var y = lp.AddVariable(2, 0, 5, [(row, 1)]);
        lp.Solve().ShouldBe(LpStatus.Optimal);
        lp.Value(x).ShouldBe(5, Tolerance);

        lp.SetCost(x, 3);
        lp.Solve().ShouldBe(LpStatus.Optimal);
        lp.Value(y).ShouldBe(5, Tolerance);

        lp.SetBounds(y, 0, 2);
        lp.Solve().ShouldBe(LpStatus.Optimal);
        lp.Value(x).ShouldBe(3, Tolerance);
        lp.Objective.ShouldBe(13, Tolerance);
    }

    [Fact]
    public void Many_pivots_across_refactorisations_keep_the_solution_accurate_and_certified()
    {
        // An assignment problem (n = 30) needs hundreds of pivots, well past the refactorisation interval.
        const int n = 30;
        var random = new Random(7);
        var model = new TestModel();
        var rows = Enumerable.Range(0, 2 * n).Select(_ => model.Row(RowKind.Equal, 1)).ToArray();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                model.Variable(random.Next(1, 100), 0, double.PositiveInfinity, (rows[i], 1), (rows[n + j], 1));
            }
        }

        var lp = model.Build(new SimplexOptions { RefactorInterval = 17 });
        lp.Solve().ShouldBe(LpStatus.Optimal);

        lp.Iterations.ShouldBeGreaterThan(17);
        model.CheckOptimalityCertificate(lp, Tolerance);
    }
}
