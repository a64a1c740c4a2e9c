using Reflexes.Sortition.Input;

namespace Reflexes.Sortition.Tests;

public sealed class PublicExampleTests
{
    [Theory]
    [InlineData("example_small_20", 20, 200)]
    [InlineData("example_large_200", 200, 2000)]
    public void Leximin_reaches_the_published_minimum_of_ten_percent_on_the_synthetic_examples(string instance, int k, int n)
    {
        var pool = ReplicationFormat.Read(TestData.Replication(instance, "categories.csv"), TestData.Replication(instance, "respondents.csv"));

        var result = SortitionEngine.Select(pool, k, households: false, SelectionAlgorithm.Leximin);

        pool.People.Count.ShouldBe(n);
        result.MinProbability.ShouldBe(0.1, 1e-6);
        result.Gini.ShouldBe(0, 1e-6);
        Invariants.Check(result);
    }

    [Fact]
    public void Leximin_on_the_sortition_foundation_fixture_beats_the_legacy_minimum()
    {
        var pool = SortitionFoundationFormat.Read(TestData.Foundation("features.csv"), TestData.Foundation("candidates.csv"));

        var leximin = SortitionEngine.Select(pool, 22, households: true, SelectionAlgorithm.Leximin);
        var legacy = SortitionEngine.Select(pool, 22, households: true, SelectionAlgorithm.Legacy, new SelectionOptions { LegacyDraws = 2000 });

        pool.People.Count.ShouldBe(150);
        Invariants.Check(leximin);
        Invariants.Check(legacy);
        leximin.MinProbability.ShouldBeGreaterThan(legacy.MinProbability);
        leximin.Gini.ShouldBeLessThan(legacy.Gini);
    }
}
