using System.Globalization;
using FsCheck.Xunit;

namespace Reflexes.Sortition.Tests;

/// <summary>
/// Leximin goes through the linear relaxation first (ADR 0204) and falls back to stages over panels when no
/// lottery reaches the relaxed optimum. Both routes must give the brute-force leximin, and both must occur.
/// </summary>
public sealed class RelaxationFirstTests
{
    private static readonly SelectionOptions StagesOnly = new() { RelaxationFirst = false };

    [Property(MaxTest = 120)]
    public void Leximin_through_the_relaxation_matches_brute_force_on_pools_with_three_or_four_categories(int seed)
    {
        var (pool, k) = Pools(seed);
        var panels = BruteForce.ValidPanels(pool, k, households: false);
        if (panels.Count == 0)
        {
            return;
        }

        var expected = BruteForce.Leximin(pool, panels);
        var result = SortitionEngine.Select(pool, k, false, SelectionAlgorithm.Leximin);

        Invariants.Check(result);
        for (var i = 0; i < expected.Length; i++)
        {
            result.Probabilities[i].ShouldBe(expected[i], 1e-6, $"person {i} ({result.Details})");
        }
    }

    [Property(MaxTest = 80)]
    public void Relaxation_first_and_stages_over_panels_give_the_same_probabilities(int seed)
    {
        var (pool, k) = RandomPools.Small(seed, maxPeople: 24);
        if (BruteForceFree.HasNoPanel(pool, k))
        {
            return;
        }

        var relaxed = SortitionEngine.Select(pool, k, false, SelectionAlgorithm.Leximin);
        var staged = SortitionEngine.Select(pool, k, false, SelectionAlgorithm.Leximin, StagesOnly);

        Invariants.Check(relaxed);
        Invariants.Check(staged);
        staged.Details.ShouldContain("stages over panels");
        for (var i = 0; i < pool.People.Count; i++)
        {
            relaxed.Probabilities[i].ShouldBe(staged.Probabilities[i], 1e-6, $"person {i}");
        }
    }

    [Fact]
    public void Both_routes_occur_on_random_pools_so_that_the_fallback_is_exercised()
    {
        var reached = 0;
        var fellBack = 0;
        for (var seed = 0; seed < 400 && (reached == 0 || fellBack == 0); seed++)
        {
            var (pool, k) = Pools(seed);
            if (BruteForceFree.HasNoPanel(pool, k))
            {
                continue;
            }

            var details = SortitionEngine.Select(pool, k, false, SelectionAlgorithm.Leximin).Details;
            reached += details.Contains("relaxation reached", StringComparison.Ordinal) ? 1 : 0;
            fellBack += details.Contains("relaxation not reached", StringComparison.Ordinal) ? 1 : 0;
        }

        reached.ShouldBeGreaterThan(0);
        fellBack.ShouldBeGreaterThan(0);
    }

    /// <summary>Up to 12 people in 3–4 categories of 2–3 values with tight quotas: the relaxation is often not integral.</summary>
    private static (Pool Pool, int K) Pools(int seed)
    {
        var random = new Random(seed);
        var n = random.Next(6, 13);
        var k = random.Next(2, 6);
        var categories = new List<Category>();
        var categoryCount = random.Next(3, 5);
        var valueCounts = new int[categoryCount];
        for (var c = 0; c < categoryCount; c++)
        {
            valueCounts[c] = random.Next(2, 4);
            var quotas = new List<FeatureQuota>();
            for (var v = 0; v < valueCounts[c]; v++)
            {
                var share = (double)k / valueCounts[c];
                quotas.Add(new FeatureQuota("v" + v.ToString(CultureInfo.InvariantCulture), Math.Max(0, (int)Math.Floor(share) - random.Next(0, 2)), (int)Math.Ceiling(share)));
            }

            categories.Add(new Category("c" + c.ToString(CultureInfo.InvariantCulture), quotas));
        }

        var people = new List<Respondent>();
        for (var i = 0; i < n; i++)
        {
            people.Add(new Respondent(i.ToString(CultureInfo.InvariantCulture), [.. valueCounts.Select(count => random.Next(count))], null));
        }

        return (new Pool(categories, people, IdsAreRowNumbers: true), k);
    }
}
