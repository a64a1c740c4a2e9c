using Reflexes.Optimization;

namespace Reflexes.Sortition.Tests;

/// <summary>
/// Reference answers from first principles on tiny pools: every panel enumerated, one LP variable per
/// panel, one row per person, and the leximin stages decided by the definition (a person is fixed when
/// maximising their own probability cannot lift it above the stage's minimum) rather than by duals.
/// </summary>
internal static class BruteForce
{
    public static List<int[]> ValidPanels(Pool pool, int k, bool households)
    {
        var panels = new List<int[]>();
        var n = pool.People.Count;
        foreach (var subset in Subsets(n, k))
        {
            if (!Invariants.PanelMeetsQuotas(pool, subset))
            {
                continue;
            }

            if (households && subset.Select(i => pool.People[i].Household).Where(h => h is not null).GroupBy(h => h).Any(g => g.Count() > 1))
            {
                continue;
            }

            panels.Add(subset);
        }

        return panels;
    }

    public static double[] Leximin(Pool pool, List<int[]> panels, bool stopAfterFirstStage = false)
    {
        var n = pool.People.Count;
        var fixedValue = new double?[n];
        for (var i = 0; i < n; i++)
        {
            if (!panels.Any(p => p.Contains(i)))
            {
                fixedValue[i] = 0;
            }
        }

        while (fixedValue.Any(v => v is null))
        {
            var z = Solve(pool, panels, fixedValue, zFloor: null, maximisePerson: null);
            if (stopAfterFirstStage)
            {
                return [z];
            }

            var newlyFixed = new List<int>();
            for (var i = 0; i < n; i++)
            {
                if (fixedValue[i] is null && Solve(pool, panels, fixedValue, zFloor: z, maximisePerson: i) <= z + 1e-7)
                {
                    newlyFixed.Add(i);
                }
            }

            newlyFixed.ShouldNotBeEmpty();
            foreach (var i in newlyFixed)
            {
                fixedValue[i] = z;
            }
        }

        return [.. fixedValue.Select(v => v!.Value)];
    }

    /// <summary>Without <paramref name="zFloor"/>: the best minimum over unfixed people. With it: the best probability for one person keeping every unfixed person at least at the floor.</summary>
    private static double Solve(Pool pool, List<int[]> panels, double?[] fixedValue, double? zFloor, int? maximisePerson)
    {
        var n = pool.People.Count;
        var lp = new SimplexSolver();
        var rows = new int[n];
        for (var i = 0; i < n; i++)
        {
            rows[i] = fixedValue[i] is { } v ? lp.AddRow(RowKind.GreaterOrEqual, v - 1e-10)
                : lp.AddRow(RowKind.GreaterOrEqual, zFloor is { } floor ? floor - 1e-10 : 0);
        }

        var sum = lp.AddRow(RowKind.Equal, 1);
        int? z = null;
        if (zFloor is null)
        {
            z = lp.AddVariable(-1, 0, 1, [.. Enumerable.Range(0, n).Where(i => fixedValue[i] is null).Select(i => (rows[i], -1.0))]);
        }

        var variables = new List<int>();
        foreach (var panel in panels)
        {
            var cost = maximisePerson is { } person && panel.Contains(person) ? -1.0 : 0.0;
            variables.Add(lp.AddVariable(cost, 0, double.PositiveInfinity, [.. panel.Select(i => (rows[i], 1.0)), (sum, 1.0)]));
        }

        lp.Solve().ShouldBe(LpStatus.Optimal);
        return -lp.Objective;
    }

    private static IEnumerable<int[]> Subsets(int n, int k)
    {
        var current = new int[k];
        return Recurse(0, 0);

        IEnumerable<int[]> Recurse(int start, int depth)
        {
            if (depth == k)
            {
                yield return (int[])current.Clone();
                yield break;
            }

            for (var i = start; i <= n - (k - depth); i++)
            {
                current[depth] = i;
                foreach (var s in Recurse(i + 1, depth + 1))
                {
                    yield return s;
                }
            }
        }
    }
}
