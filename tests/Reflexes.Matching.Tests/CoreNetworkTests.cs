using System.Text;
using Reflexes.Matching.Export;
using Reflexes.Matching.Model;
using Reflexes.Matching.Planning;

namespace Reflexes.Matching.Tests;

/// <summary>
/// Cost scaling works on a core network (each volunteer×half-day's nearest slots) and prices the other arcs in.
/// A core of a single arc per half-day forces most of the optimum to come from pricing: it must still be exact.
/// </summary>
public sealed class CoreNetworkTests
{
    private static readonly MatchOptions SingleArcCore = new() { CoreArcsPerHalfDay = 1 };

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 3000; seed < 3150; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_single_arc_core_still_gives_the_brute_force_optimum(int seed)
    {
        var instance = RandomInstances.Create(seed, maxPairs: 14);

        var plan = MatchingEngine.Solve(instance, SingleArcCore).Plan;

        plan.ShouldBeAPossiblePlan(instance);
        var best = BruteForce.Best(instance, [], new HashSet<(int, int)>());
        (plan.CoveredWeight, plan.DistanceMeters).ShouldBe((best.Weight, best.Distance));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Core_sizes_and_the_whole_network_reach_the_optimum_an_independent_solver_finds(int seed)
    {
        var instance = RandomInstances.Medium(seed);
        var previous = BruteForce.Pairs(instance).Where((_, i) => i % 4 == 1)
            .Select(p => new Pair(instance.Volunteers[p.V].Id, instance.Slots[p.S].Id)).ToList();
        var whole = MatchingEngine.Solve(instance, new MatchOptions { Previous = previous, CoreArcsPerHalfDay = 0 });
        using var stream = new MemoryStream();
        DimacsWriter.Write(whole, stream);
        var optimum = DimacsProblem.Parse(Encoding.ASCII.GetString(stream.ToArray())).MinimumCost();

        foreach (var core in new[] { 1, 2, 5, 20 })
        {
            var result = MatchingEngine.Solve(instance, new MatchOptions { Previous = previous, CoreArcsPerHalfDay = core });

            result.Plan.ShouldBeAPossiblePlan(instance);
            result.Plan.Network.Objective.ShouldBe(optimum);
            result.Plan.Replan!.Kept.ShouldBe(whole.Plan.Replan!.Kept);
        }

        whole.Plan.Network.Objective.ShouldBe(optimum);
    }
}
