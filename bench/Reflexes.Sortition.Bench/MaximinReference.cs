using Reflexes.Optimization;
using Reflexes.Sortition;

namespace Reflexes.Sortition.Bench;

/// <summary>
/// An independent maximin computation for cross-checking: a cutting-plane loop on the dual program of
/// Flanigan et al. (minimise ŷ subject to Σ y = 1 and, for every panel P found so far, the weight of P at
/// most ŷ) instead of the engine's primal column generation, with its own grouping of identical people and
/// its own pricing model. It shares only the simplex code with the engine; bench/check_maximin.py repeats
/// the check with SciPy's HiGHS, an outside solver. Panels the engine found may be given as first cuts: they only
/// shorten the loop, since the value is returned only once the reference's own pricing finds no panel above it.
/// </summary>
internal static class MaximinReference
{
    public static double Value(Pool pool, int k, bool households, IEnumerable<IReadOnlyList<int>>? firstCuts, CancellationToken cancellationToken)
    {
        // Group identical people (people sharing an address with someone stay alone under the household rule).
        var shared = households
            ? pool.People.Where(p => p.Household is not null).GroupBy(p => p.Household!).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet()
            : [];
        var groups = pool.People
            .Select((p, i) => (Person: p, Index: i))
            .GroupBy(e => e.Person.Household is { } h && shared.Contains(h) ? "#" + e.Index : string.Join(",", e.Person.Values))
            .Select(g => g.ToArray())
            .ToArray();
        var n = groups.Length;
        var pricing = new SimplexSolver();
        var size = pricing.AddRow(RowKind.Equal, k);
        var rows = new List<int>();
        var featureRows = new Dictionary<(int C, int V), (int Low, int High)>();
        for (var c = 0; c < pool.Categories.Count; c++)
        {
            for (var v = 0; v < pool.Categories[c].Values.Count; v++)
            {
                var quota = pool.Categories[c].Values[v];
                featureRows[(c, v)] = (pricing.AddRow(RowKind.GreaterOrEqual, quota.Min), pricing.AddRow(RowKind.LessOrEqual, quota.Max));
            }
        }

        var householdRows = new Dictionary<string, int>(StringComparer.Ordinal);
        if (households)
        {
            foreach (var h in shared)
            {
                householdRows[h] = pricing.AddRow(RowKind.LessOrEqual, 1);
            }
        }

        var x = new int[n];
        for (var i = 0; i < n; i++)
        {
            var column = new List<(int, double)> { (size, 1) };
            var person = groups[i][0].Person;
            for (var c = 0; c < pool.Categories.Count; c++)
            {
                var (low, high) = featureRows[(c, person.Values[c])];
                column.Add((low, 1));
                column.Add((high, 1));
            }

            if (groups[i].Length == 1 && person.Household is { } h && householdRows.TryGetValue(h, out var row))
            {
                column.Add((row, 1));
            }

            x[i] = pricing.AddVariable(0, 0, groups[i].Length, column.ToArray());
        }

        // People who can sit on no panel are left out, as the engine reports them separately: repeatedly look
        // for the panel holding the most groups not yet seen on any panel; when it holds none, the rest are unreachable.
        var selectable = new bool[n];
        var seeds = new List<int[]>();
        var groupOf = new int[pool.People.Count];
        for (var g = 0; g < n; g++)
        {
            foreach (var (_, index) in groups[g])
            {
                groupOf[index] = g;
            }
        }

        foreach (var members in firstCuts ?? [])
        {
            var counts = new int[n];
            foreach (var person in members)
            {
                counts[groupOf[person]]++;
            }

            seeds.Add(counts);
            for (var g = 0; g < n; g++)
            {
                selectable[g] |= counts[g] > 0;
            }
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var g = 0; g < n; g++)
            {
                pricing.SetCost(x[g], selectable[g] ? 0 : -1.0 / groups[g].Length);
            }

            var reach = new BranchAndBound(pricing, x).Solve(cutoff: -1e-3, cancellationToken: cancellationToken);
            if (reach.Status != LpStatus.Optimal)
            {
                break;
            }

            var counts = Counts(reach.Values);
            seeds.Add(counts);
            for (var g = 0; g < n; g++)
            {
                selectable[g] |= counts[g] > 0;
            }
        }

        var dual = new SimplexSolver();
        var normalise = dual.AddRow(RowKind.Equal, 1);
        var y = new int[n];
        var cap = dual.AddVariable(1, 0, double.PositiveInfinity);
        for (var g = 0; g < n; g++)
        {
            y[g] = selectable[g] ? dual.AddVariable(0, 0, double.PositiveInfinity, [(normalise, 1)]) : -1;
            if (!selectable[g])
            {
                pricing.SetBounds(x[g], 0, 0);
            }
        }

        foreach (var counts in seeds)
        {
            AddPanelRow(counts);
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            dual.Solve(cancellationToken).ShouldBeOptimal();
            for (var g = 0; g < n; g++)
            {
                pricing.SetCost(x[g], selectable[g] ? -dual.Value(y[g]) / groups[g].Length : 0);
            }

            var best = new BranchAndBound(pricing, x).Solve(cancellationToken: cancellationToken);
            best.Status.ShouldBeOptimal();
            if (-best.Objective <= dual.Value(cap) + 1e-9)
            {
                return dual.Objective;
            }

            AddPanelRow(Counts(best.Values));
        }

        int[] Counts(IReadOnlyList<double> values) => [.. Enumerable.Range(0, n).Select(g => (int)Math.Round(values[x[g]]))];

        void AddPanelRow(int[] counts)
        {
            var terms = Enumerable.Range(0, n)
                .Where(g => counts[g] > 0 && selectable[g])
                .Select(g => (y[g], (double)counts[g] / groups[g].Length))
                .Append((cap, -1.0))
                .ToArray();
            dual.AddRow(RowKind.LessOrEqual, 0, terms);
        }
    }

    private static void ShouldBeOptimal(this LpStatus status)
    {
        if (status != LpStatus.Optimal)
        {
            throw new InvalidOperationException($"Reference solve ended with status {status}.");
        }
    }
}
