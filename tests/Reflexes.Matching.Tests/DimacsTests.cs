using System.Text;
using Reflexes.Matching.Export;
using Reflexes.Matching.Model;
using Reflexes.Matching.Planning;
using Reflexes.Matching.Reading;

namespace Reflexes.Matching.Tests;

public sealed class DimacsTests
{
    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 2000; seed < 2060; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    private static string Export(MatchResult result)
    {
        using var stream = new MemoryStream();
        DimacsWriter.Write(result, stream);
        return Encoding.ASCII.GetString(stream.ToArray());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_exported_network_has_the_plan_as_its_optimum(int seed)
    {
        var instance = RandomInstances.Create(seed, maxPairs: 30);
        var result = MatchingEngine.Solve(instance);

        var problem = DimacsProblem.Parse(Export(result));

        problem.Nodes.ShouldBe(result.Plan.Network.Nodes);
        problem.Arcs.Count.ShouldBe((int)problem.DeclaredArcs);
        problem.Arcs.ShouldAllBe(a => a.Tail >= 1 && a.Tail <= problem.Nodes && a.Head >= 1 && a.Head <= problem.Nodes && a.Low == 0 && a.Capacity >= 0);
        problem.Supplies.Values.Sum().ShouldBe(0);
        problem.MinimumCost().ShouldBe(result.Plan.Network.Objective);
        var m = result.Plan.Network.WeightMultiplier;
        result.Plan.Network.Objective.ShouldBe((-m * result.Plan.CoveredWeight) + result.Plan.DistanceMeters);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void On_instances_too_large_for_brute_force_an_independent_solver_finds_the_same_optimum(int seed)
    {
        var instance = RandomInstances.Medium(seed);
        var previous = BruteForce.Pairs(instance).Where((_, i) => i % 3 == 0)
            .Select(p => new Pair(instance.Volunteers[p.V].Id, instance.Slots[p.S].Id)).ToList();
        var result = MatchingEngine.Solve(instance, new MatchOptions { Previous = previous });

        var problem = DimacsProblem.Parse(Export(result));

        result.Plan.Filled.ShouldBeGreaterThan(10);
        result.Plan.ShouldBeAPossiblePlan(instance);
        problem.MinimumCost().ShouldBe(result.Plan.Network.Objective);
    }

    [Fact]
    public void A_re_planning_network_counts_confirmed_places_out_and_rewards_kept_proposals()
    {
        var days = new[] { "2026-12-07AM", "2026-12-08AM" };
        var instance = Make.Instance(
            [Make.Volunteer("a", days), Make.Volunteer("b", days), Make.Volunteer("c", days)],
            [Make.Slot("s1", days[0], needed: 2, priority: 1), Make.Slot("s2", days[1], lat: Make.North(2), priority: 2)]);
        var options = new MatchOptions
        {
            Confirmed = [new ListedPair(new Pair("a", "s1"), 0, 1, 1)],
            Previous = [new Pair("c", "s2"), new Pair("b", "s1")],
        };
        var result = MatchingEngine.Solve(instance, options);

        var problem = DimacsProblem.Parse(Export(result));

        var plan = result.Plan;
        plan.Replan!.Kept.ShouldBe(2);
        var k = plan.Network.DistanceMultiplier;
        k.ShouldBe(3);
        var openWeight = plan.CoveredWeight - 100;
        problem.MinimumCost().ShouldBe((-plan.Network.WeightMultiplier * openWeight) + (k * plan.DistanceMeters) - plan.Replan.Kept);
        problem.MinimumCost().ShouldBe(plan.Network.Objective);
    }
}
