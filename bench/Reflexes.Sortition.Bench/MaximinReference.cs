using System.Diagnostics;
using Reflexes.Optimization;
using Reflexes.Sortition;

namespace Reflexes.Sortition.Bench;

/// <summary>
/// An independent maximin computation for cross-checking, with its own grouping of identical people, its own
/// master program and its own pricing model; it shares only the simplex and branch-and-bound code with the engine,
/// and bench/check_maximin.py repeats the check with SciPy's HiGHS, an outside solver. The value it returns is
/// proven by weak duality: weights on the groups (the master's duals, clipped and normalised) under which the
/// pricing program finds no panel heavier than the value. Panels the engine found may be given as first columns to
/// shorten the loop: each is checked here (k distinct people, every quota, the household rule) before use, since a
/// panel breaking a rule could raise the master's value.
/// </summary>
internal static class MaximinReference
{
    public static double Value(Pool pool, int k, bool households, IEnumerable<IReadOnlyList<int>>? firstPanels, CancellationToken cancellationToken)
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
        var t0 = Stopwatch.GetTimestamp();
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

        // Panels that differ only by who among identical people sits are one column here.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var members in firstPanels ?? [])
        {
            CheckPanel(pool, k, households, members);
            var counts = new int[n];
            foreach (var person in members)
            {
                counts[groupOf[person]]++;
            }

            if (!seen.Add(string.Join(',', counts)))
            {
                continue;
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

        // Restricted master over the panels found so far: maximise z, every selectable group's probability at
        // least z, panel probabilities summing to 1. Its rows are the groups, so its basis stays small however many
        // panels it holds (the dual form, with a row per panel, grew a dense basis of thousands of rows).
        Console.Error.WriteLine($"  reference: {seeds.Count} distinct given or reaching panels, {Stopwatch.GetElapsedTime(t0).TotalSeconds:F1} s");
        var master = new SimplexSolver();
        var convexity = master.AddRow(RowKind.Equal, 1);
        var groupRow = new int[n];
        var z = master.AddVariable(-1, 0, 1);
        for (var g = 0; g < n; g++)
        {
            groupRow[g] = selectable[g] ? master.AddRow(RowKind.GreaterOrEqual, 0, [(z, -1.0)]) : -1;
            if (!selectable[g])
            {
                pricing.SetBounds(x[g], 0, 0);
            }
        }

        foreach (var counts in seeds)
        {
            AddPanelColumn(counts);
        }

        var weights = new double[n];
        var rounds = 1;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            master.Solve(cancellationToken).ShouldBeOptimal();
            var value = -master.Objective;

            // Weak duality: for any weights y ≥ 0 summing to 1 over the selectable groups, every lottery's smallest
            // probability is at most Σ y_g·probability_g, hence at most the heaviest panel's weight. The master's
            // duals (clipped and normalised, so the bound holds whatever their rounding) give such weights; the value
            // is returned only once the pricing program proves no panel weighs more than it.
            var total = 0.0;
            for (var g = 0; g < n; g++)
            {
                weights[g] = selectable[g] ? Math.Max(0, master.RowDual(groupRow[g])) : 0;
                total += weights[g];
            }

            if (!(total > 0))
            {
                throw new InvalidOperationException("The reference's master program gave no positive dual weight.");
            }

            for (var g = 0; g < n; g++)
            {
                pricing.SetCost(x[g], -weights[g] / total / groups[g].Length);
            }

            var best = new BranchAndBound(pricing, x).Solve(cancellationToken: cancellationToken);
            best.Status.ShouldBeOptimal();
            if (-best.Objective <= value + 1e-9)
            {
                Console.Error.WriteLine($"  reference: {value:F9} proven after {rounds} pricing round(s) and {master.Iterations} master pivots, {Stopwatch.GetElapsedTime(t0).TotalSeconds:F1} s");
                return value;
            }

            rounds++;
            AddPanelColumn(Counts(best.Values));
        }

        int[] Counts(IReadOnlyList<double> values) => [.. Enumerable.Range(0, n).Select(g => (int)Math.Round(values[x[g]]))];

        void AddPanelColumn(int[] counts)
        {
            var column = Enumerable.Range(0, n)
                .Where(g => counts[g] > 0 && selectable[g])
                .Select(g => (groupRow[g], (double)counts[g] / groups[g].Length))
                .Prepend((convexity, 1.0))
                .ToArray();
            master.AddVariable(0, 0, double.PositiveInfinity, column);
        }
    }

    private static void CheckPanel(Pool pool, int k, bool households, IReadOnlyList<int> members)
    {
        if (members.Count != k || members.Distinct().Count() != k || members.Any(m => m < 0 || m >= pool.People.Count))
        {
            throw new InvalidOperationException($"A given panel is not {k} distinct people of the pool.");
        }

        for (var c = 0; c < pool.Categories.Count; c++)
        {
            for (var v = 0; v < pool.Categories[c].Values.Count; v++)
            {
                var seats = members.Count(m => pool.People[m].Values[c] == v);
                var quota = pool.Categories[c].Values[v];
                if (seats < quota.Min || seats > quota.Max)
                {
                    throw new InvalidOperationException($"A given panel breaks the quota of {pool.Categories[c].Name}.");
                }
            }
        }

        if (households && members.Select(m => pool.People[m].Household).Where(h => h is not null).GroupBy(h => h).Any(g => g.Count() > 1))
        {
            throw new InvalidOperationException("A given panel seats two people of one household.");
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
