namespace Reflexes.Sortition.Tests;

public sealed class QuotaTests
{
    // Every young respondent is a woman and every older one a man: one woman, one man and two young people cannot all sit in a panel of 2.
    private static Pool TwoCategoryPool() => new(
        [
            new Category("gender", [new FeatureQuota("f", 1, 1), new FeatureQuota("m", 1, 1)]),
            new Category("age", [new FeatureQuota("young", 2, 2), new FeatureQuota("old", 0, 0)]),
        ],
        [
            new Respondent("p0", [0, 0], null),
            new Respondent("p1", [0, 0], null),
            new Respondent("p2", [0, 0], null),
            new Respondent("p3", [1, 1], null),
            new Respondent("p4", [1, 1], null),
        ],
        IdsAreRowNumbers: false);

    [Fact]
    public void Conflicting_quotas_of_two_categories_are_named_with_the_smallest_relaxation()
    {
        var error = Should.Throw<InfeasibleQuotasException>(() => SortitionEngine.Select(TwoCategoryPool(), 2, false, SelectionAlgorithm.Leximin));

        error.Relaxations.Sum(r => (r.Min - r.NewMin) + (r.NewMax - r.Max)).ShouldBe(2);
        error.Message.ShouldContain("No panel meets every quota.");
        error.Message.ShouldContain("Smallest relaxation that makes a panel possible (2 seat(s) of slack in all):");
        error.Conflicts.ShouldHaveSingleItem().ShouldContain("cannot be met together");
    }

    [Fact]
    public void The_proposed_relaxation_really_makes_a_panel_possible()
    {
        var pool = TwoCategoryPool();
        var error = Should.Throw<InfeasibleQuotasException>(() => SortitionEngine.Select(pool, 2, false, SelectionAlgorithm.Maximin));

        var relaxed = pool with
        {
            Categories = [.. pool.Categories.Select(c => c with
            {
                Values = [.. c.Values.Select(v => error.Relaxations.FirstOrDefault(r => r.Category == c.Name && r.Value == v.Value) is { } r
                    ? new FeatureQuota(v.Value, r.NewMin, r.NewMax) : v)],
            })],
        };

        var result = SortitionEngine.Select(relaxed, 2, false, SelectionAlgorithm.Leximin);
        Invariants.Check(result);
    }

    [Fact]
    public void Minimums_above_the_panel_size_and_values_too_rare_are_explained()
    {
        var pool = new Pool(
            [new Category("district", [new FeatureQuota("north", 3, 3), new FeatureQuota("south", 2, 3)])],
            [new Respondent("a", [0], null), new Respondent("b", [0], null), new Respondent("c", [1], null), new Respondent("d", [1], null)],
            IdsAreRowNumbers: false);

        var error = Should.Throw<InfeasibleQuotasException>(() => SortitionEngine.Select(pool, 4, false, SelectionAlgorithm.Leximin));

        error.Conflicts.ShouldContain("the minimums of 'district' add up to 5, more than the panel size 4");
        error.Conflicts.ShouldContain("district=north needs at least 3 but only 2 respondent(s) have it");
        error.Relaxations.ShouldBe([new QuotaRelaxation("district", "north", 3, 3, 2, 3)]);
    }

    [Fact]
    public void The_household_rule_can_make_quotas_infeasible_and_says_so()
    {
        var pool = new Pool(
            [new Category("gender", [new FeatureQuota("f", 1, 1), new FeatureQuota("m", 1, 1)])],
            [new Respondent("a", [0], "same"), new Respondent("b", [1], "same")],
            IdsAreRowNumbers: false);

        SortitionEngine.Select(pool, 2, households: false, SelectionAlgorithm.Leximin).MinProbability.ShouldBe(1, 1e-9);
        var error = Should.Throw<InfeasibleQuotasException>(() => SortitionEngine.Select(pool, 2, households: true, SelectionAlgorithm.Leximin));

        error.Conflicts.ShouldContain("the pool has 2 respondents but only 1 can sit together under the household rule, fewer than the panel size 2");
    }

    [Fact]
    public void Legacy_draws_are_reproducible_with_a_seed_and_every_drawn_panel_meets_the_quotas()
    {
        var pool = Input.ReplicationFormat.Read(TestData.Replication("example_small_20", "categories.csv"), TestData.Replication("example_small_20", "respondents.csv"));
        const int k = 20;
        var options = new SelectionOptions { LegacyDraws = 500, LegacySeed = 7 };

        var first = SortitionEngine.Select(pool, k, false, SelectionAlgorithm.Legacy, options);
        var second = SortitionEngine.Select(pool, k, false, SelectionAlgorithm.Legacy, options);

        Invariants.Check(first);
        second.Probabilities.ShouldBe(first.Probabilities);
        first.Panels.Count.ShouldBeGreaterThan(1);
    }
}
