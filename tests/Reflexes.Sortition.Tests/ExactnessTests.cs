using FsCheck.Xunit;

namespace Reflexes.Sortition.Tests;

public sealed class ExactnessTests
{
    [Property(MaxTest = 150)]
    public void Leximin_matches_brute_force_on_small_pools(int seed)
    {
        var (pool, k) = RandomPools.Small(seed);
        var panels = BruteForce.ValidPanels(pool, k, households: false);
        if (panels.Count == 0)
        {
            Should.Throw<InfeasibleQuotasException>(() => SortitionEngine.Select(pool, k, false, SelectionAlgorithm.Leximin));
            return;
        }

        var expected = BruteForce.Leximin(pool, panels);
        var result = SortitionEngine.Select(pool, k, false, SelectionAlgorithm.Leximin);

        Invariants.Check(result);
        for (var i = 0; i < expected.Length; i++)
        {
            result.Probabilities[i].ShouldBe(expected[i], 1e-6, $"person {i}");
        }
    }

    [Property(MaxTest = 150)]
    public void Maximin_matches_the_brute_force_minimum_on_small_pools(int seed)
    {
        var (pool, k) = RandomPools.Small(seed);
        var panels = BruteForce.ValidPanels(pool, k, households: false);
        if (panels.Count == 0)
        {
            return;
        }

        var selectable = Enumerable.Range(0, pool.People.Count).Where(i => panels.Any(p => p.Contains(i))).ToList();
        var expected = BruteForce.Leximin(pool, panels, stopAfterFirstStage: true)[0];
        var result = SortitionEngine.Select(pool, k, false, SelectionAlgorithm.Maximin);

        Invariants.Check(result);
        selectable.Min(i => result.Probabilities[i]).ShouldBe(expected, 1e-6);
    }

    [Property(MaxTest = 100)]
    public void Leximin_under_the_household_rule_matches_brute_force_and_never_seats_housemates_together(int seed)
    {
        var (pool, k) = RandomPools.Small(seed, addresses: true);
        var panels = BruteForce.ValidPanels(pool, k, households: true);
        if (panels.Count == 0)
        {
            Should.Throw<InfeasibleQuotasException>(() => SortitionEngine.Select(pool, k, true, SelectionAlgorithm.Leximin));
            return;
        }

        var expected = BruteForce.Leximin(pool, panels);
        var result = SortitionEngine.Select(pool, k, true, SelectionAlgorithm.Leximin);

        Invariants.Check(result, households: true);
        for (var i = 0; i < expected.Length; i++)
        {
            result.Probabilities[i].ShouldBe(expected[i], 1e-6, $"person {i}");
        }
    }

    [Property(MaxTest = 60)]
    public void People_with_identical_features_get_identical_leximin_probabilities(int seed)
    {
        var (pool, k) = RandomPools.Small(seed, maxPeople: 30);
        if (BruteForceFree.HasNoPanel(pool, k))
        {
            return;
        }

        var result = SortitionEngine.Select(pool, k, false, SelectionAlgorithm.Leximin);

        Invariants.Check(result);
        foreach (var group in Enumerable.Range(0, pool.People.Count).GroupBy(i => string.Join(",", pool.People[i].Values)))
        {
            var first = result.Probabilities[group.First()];
            group.ShouldAllBe(i => Math.Abs(result.Probabilities[i] - first) < 1e-9);
        }
    }

    [Fact]
    public void People_no_panel_can_include_are_named_with_the_reason()
    {
        var pool = new Pool(
            [new Category("age", [new FeatureQuota("0-15", 0, 0), new FeatureQuota("16+", 2, 2)])],
            [new Respondent("a", [1], null), new Respondent("b", [1], null), new Respondent("child", [0], null), new Respondent("c", [1], null)],
            IdsAreRowNumbers: false);

        var result = SortitionEngine.Select(pool, 2, false, SelectionAlgorithm.Leximin);

        result.NeverSelectable.Count.ShouldBe(1);
        result.NeverSelectable[0].Person.ShouldBe(2);
        result.NeverSelectable[0].Reason.ShouldContain("age=0-15 allows nobody (maximum 0)");
        result.Probabilities[2].ShouldBe(0);
        result.Probabilities[0].ShouldBe(2.0 / 3, 1e-9);
    }
}

internal static class BruteForceFree
{
    public static bool HasNoPanel(Pool pool, int k)
    {
        try
        {
            SortitionEngine.Select(pool, k, false, SelectionAlgorithm.Maximin);
            return false;
        }
        catch (InfeasibleQuotasException)
        {
            return true;
        }
    }
}
