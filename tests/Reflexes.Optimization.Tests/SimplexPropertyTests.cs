using FsCheck.Xunit;
using Reflexes.Optimization;

namespace Reflexes.Optimization.Tests;

public sealed class SimplexPropertyTests
{
    [Property(MaxTest = 300)]
    public void Every_feasible_bounded_program_is_solved_with_a_valid_optimality_certificate(int seed)
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

        var lp = model.Build(new SimplexOptions { RefactorInterval = 3 });

        lp.Solve().ShouldBe(LpStatus.Optimal);
        model.CheckOptimalityCertificate(lp, 1e-7);
        lp.Objective.ShouldBeLessThanOrEqualTo(model.Cost(point) + 1e-7);
    }
}
