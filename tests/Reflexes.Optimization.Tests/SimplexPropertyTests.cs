using FsCheck.Xunit;
using Reflexes.Optimization;

namespace Reflexes.Optimization.Tests;

public sealed class SimplexPropertyTests
{
    [Property(MaxTest = 300)]
    public void Every_feasible_bounded_program_is_solved_with_a_valid_optimality_certificate(int seed)
    {
        var (model, point) = RandomFeasible(seed);
        var lp = model.Build(new SimplexOptions { RefactorInterval = 3 });

        lp.Solve().ShouldBe(LpStatus.Optimal);
        model.CheckOptimalityCertificate(lp, 1e-7);
        lp.Objective.ShouldBeLessThanOrEqualTo(model.Cost(point) + 1e-7);
    }

    [Property(MaxTest = 300)]
    public void Steepest_edge_among_candidates_reaches_the_same_optimum_with_a_valid_certificate(int seed)
    {
        var (model, point) = RandomFeasible(seed);
        var dantzig = model.Build();
        var steepest = model.Build(new SimplexOptions { RefactorInterval = 3, SteepestEdgeCandidates = 3 });

        dantzig.Solve().ShouldBe(LpStatus.Optimal);
        steepest.Solve().ShouldBe(LpStatus.Optimal);
        model.CheckOptimalityCertificate(steepest, 1e-7);
        steepest.Objective.ShouldBe(dantzig.Objective, 1e-7);
        steepest.Objective.ShouldBeLessThanOrEqualTo(model.Cost(point) + 1e-7);
    }

    [Property(MaxTest = 300)]
    public void A_solve_stopped_after_a_few_pivots_resumes_to_the_same_optimum(int seed)
    {
        var (model, _) = RandomFeasible(seed);
        var whole = model.Build();
        var stopped = model.Build();
        var limit = 1 + (Math.Abs(seed) % 3);

        whole.Solve().ShouldBe(LpStatus.Optimal);
        var first = stopped.Solve(limit);
        first.ShouldBeOneOf(LpStatus.Optimal, LpStatus.IterationLimit);
        stopped.Iterations.ShouldBeLessThanOrEqualTo(whole.Iterations + limit);
        stopped.Solve().ShouldBe(LpStatus.Optimal);
        model.CheckOptimalityCertificate(stopped, 1e-7);
        stopped.Objective.ShouldBe(whole.Objective, 1e-7);
    }

    [Property(MaxTest = 300)]
    public void A_solve_from_a_crashed_basis_reaches_the_same_optimum_with_a_valid_certificate(int seed)
    {
        var (model, point) = RandomFeasible(seed);
        var cold = model.Build();
        var crashed = model.Build(new SimplexOptions { RefactorInterval = 3, SteepestEdgeCandidates = 3 });
        var random = new Random(seed);
        var chosen = Enumerable.Range(0, model.Variables.Count).Where(_ => random.Next(3) > 0).OrderBy(_ => random.Next()).ToArray();

        cold.Solve().ShouldBe(LpStatus.Optimal);
        crashed.Crash(chosen).ShouldBeLessThanOrEqualTo(Math.Min(chosen.Length, model.Rows.Count));
        crashed.Solve().ShouldBe(LpStatus.Optimal);
        model.CheckOptimalityCertificate(crashed, 1e-7);
        crashed.Objective.ShouldBe(cold.Objective, 1e-7);
        crashed.Objective.ShouldBeLessThanOrEqualTo(model.Cost(point) + 1e-7);
    }

    [Fact]
    public void A_crash_after_a_solve_discards_the_old_basis_and_still_reaches_the_optimum()
    {
        var (model, _) = RandomFeasible(7);
        var lp = model.Build();
        lp.Solve().ShouldBe(LpStatus.Optimal);
        var optimum = lp.Objective;

        lp.Crash([.. Enumerable.Range(0, model.Variables.Count).Reverse()]);
        lp.Solve().ShouldBe(LpStatus.Optimal);

        lp.Objective.ShouldBe(optimum, 1e-7);
        model.CheckOptimalityCertificate(lp, 1e-7);
    }

    /// <summary>A random program with a point inside its bounds that satisfies every row, so it is feasible.</summary>
    private static (TestModel Model, double[] Point) RandomFeasible(int seed)
    {
        var random = new Random(seed);
        var model = new TestModel();
        var variables = random.Next(1, 9);
        var rows = random.Next(1, 8);
        // A point inside the bounds fixes right-hand sides that it satisfies, so the program is feasible.
        var point = new double[variables];
        var bounds = new (double Lower, double Upper)[variables];
        for (var j = 0; j < variables; j++)
        {
            var lower = random.Next(-5, 3);
            var upper = lower + random.Next(0, 6);
            bounds[j] = (lower, upper);
            point[j] = lower + (random.NextDouble() * (upper - lower));
        }

        var matrix = new double[rows, variables];
        for (var i = 0; i < rows; i++)
        {
            var activity = 0.0;
            for (var j = 0; j < variables; j++)
            {
                matrix[i, j] = random.Next(3) == 0 ? 0 : Math.Round((random.NextDouble() * 10) - 5, 2);
                activity += matrix[i, j] * point[j];
            }

            var kind = (RowKind)random.Next(3);
            var rhs = kind switch
            {
                RowKind.LessOrEqual => activity + random.Next(0, 3),
                RowKind.GreaterOrEqual => activity - random.Next(0, 3),
                _ => activity,
            };
            model.Row(kind, rhs);
        }

        for (var j = 0; j < variables; j++)
        {
            var column = Enumerable.Range(0, rows).Where(i => matrix[i, j] != 0).Select(i => (i, matrix[i, j])).ToArray();
            model.Variable(Math.Round((random.NextDouble() * 10) - 5, 2), bounds[j].Lower, bounds[j].Upper, column);
        }

        return (model, point);
    }
}
