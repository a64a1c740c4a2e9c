using FsCheck.Xunit;
using Reflexes.Optimization;

namespace Reflexes.Optimization.Tests;

public sealed class BranchAndBoundTests
{
    [Fact]
    public void Solves_a_knapsack_whose_relaxation_is_fractional()
    {
        // max 5a + 4b + 3c with 2a + 3b + c <= 5, 4a + b + 2c <= 11, 3a + 4b + 2c <= 8, 0 <= a, b, c <= 3 integer:
        // the relaxation is fractional; a = 2, c = 1 is optimal (value 13), confirmed by enumeration.
        var model = new TestModel();
        var r1 = model.Row(RowKind.LessOrEqual, 5);
        var r2 = model.Row(RowKind.LessOrEqual, 11);
        var r3 = model.Row(RowKind.LessOrEqual, 8);
        model.Variable(-5, 0, 3, (r1, 2), (r2, 4), (r3, 3));
        model.Variable(-4, 0, 3, (r1, 3), (r2, 1), (r3, 4));
        model.Variable(-3, 0, 3, (r1, 1), (r2, 2), (r3, 2));
        var lp = model.Build();

        var result = new BranchAndBound(lp, [0, 1, 2]).Solve();

        result.Status.ShouldBe(LpStatus.Optimal);
        result.Values.ShouldBe([2, 0, 1]);
        result.Objective.ShouldBe(-13, 1e-9);
        BruteForce.Minimum(model, 3).ShouldBe(-13, 1e-9);
    }

    [Fact]
    public void Reports_an_integer_program_with_a_feasible_relaxation_but_no_integer_point()
    {
        var model = new TestModel();
        var row = model.Row(RowKind.Equal, 3);
        model.Variable(1, 0, 5, (row, 2));
        model.Variable(1, 0, 5, (row, 4));
        var lp = model.Build();

        var result = new BranchAndBound(lp, [0, 1]).Solve();

        result.Status.ShouldBe(LpStatus.Infeasible);
    }

    [Fact]
    public void A_cutoff_rejects_solutions_that_do_not_beat_it_and_bounds_are_restored()
    {
        var model = new TestModel();
        var row = model.Row(RowKind.LessOrEqual, 7.5);
        model.Variable(-1, 0, 10, (row, 1));
        var lp = model.Build();

        new BranchAndBound(lp, [0]).Solve(cutoff: -7).Status.ShouldBe(LpStatus.Infeasible);
        var best = new BranchAndBound(lp, [0]).Solve(cutoff: -6.5);

        best.Status.ShouldBe(LpStatus.Optimal);
        best.Values[0].ShouldBe(7);
        lp.GetBounds(0).ShouldBe((0.0, 10.0));
    }

    [Fact]
    public void Every_improving_solution_is_reported_to_the_caller()
    {
        var model = new TestModel();
        var row = model.Row(RowKind.LessOrEqual, 9.5);
        model.Variable(-3, 0, 3, (row, 2.5));
        model.Variable(-2, 0, 3, (row, 2));
        var lp = model.Build();
        var seen = new List<double>();

        var result = new BranchAndBound(lp, [0, 1]).Solve(onSolution: (_, objective) => seen.Add(objective));

        seen.ShouldNotBeEmpty();
        seen[^1].ShouldBe(result.Objective);
        seen.ShouldBe(seen.OrderByDescending(v => v).ToList());
        result.Objective.ShouldBe(BruteForce.Minimum(model, 3), 1e-9);
    }

    [Property(MaxTest = 300)]
    public void Matches_brute_force_enumeration_on_tiny_integer_programs(int seed)
    {
        var random = new Random(seed);
        var model = new TestModel();
        var variables = random.Next(2, 5);
        var rows = random.Next(1, 4);
        for (var i = 0; i < rows; i++)
        {
            model.Row((RowKind)random.Next(3), random.Next(-4, 9));
        }

        for (var j = 0; j < variables; j++)
        {
            var column = Enumerable.Range(0, rows)
                .Select(i => (i, (double)random.Next(-3, 4)))
                .Where(e => e.Item2 != 0)
                .ToArray();
            model.Variable(random.Next(-5, 6), 0, 3, column);
        }

        var expected = BruteForce.Minimum(model, 3);
        var result = new BranchAndBound(model.Build(), [.. Enumerable.Range(0, variables)]).Solve();

        if (double.IsPositiveInfinity(expected))
        {
            result.Status.ShouldBe(LpStatus.Infeasible);
        }
        else
        {
            result.Status.ShouldBe(LpStatus.Optimal);
            result.Objective.ShouldBe(expected, 1e-7);
            model.IsFeasible(result.Values, 1e-7).ShouldBeTrue();
        }
    }
}
