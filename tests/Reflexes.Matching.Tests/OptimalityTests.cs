using Reflexes.Matching.Planning;

namespace Reflexes.Matching.Tests;

public sealed class OptimalityTests
{
    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 300; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Plans_match_brute_force_on_small_random_instances(int seed)
    {
        var instance = RandomInstances.Create(seed, maxPairs: 14);

        var plan = MatchingEngine.Solve(instance).Plan;

        plan.ShouldBeAPossiblePlan(instance);
        var best = BruteForce.Best(instance, [], new HashSet<(int, int)>());
        (plan.CoveredWeight, plan.DistanceMeters).ShouldBe((best.Weight, best.Distance));
    }

    [Fact]
    public void An_empty_instance_gives_an_empty_plan()
    {
        var plan = MatchingEngine.Solve(Make.Instance([], [])).Plan;

        plan.Assignments.ShouldBeEmpty();
        plan.CoveredWeight.ShouldBe(0);
        plan.Unfilled.ShouldBeEmpty();
    }
}
