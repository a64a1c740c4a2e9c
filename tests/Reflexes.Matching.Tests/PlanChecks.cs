using Reflexes.Matching.Model;
using Reflexes.Matching.Planning;

namespace Reflexes.Matching.Tests;

/// <summary>Independent checks that a plan is possible and that its totals add up.</summary>
internal static class PlanChecks
{
    public static List<(int V, int S)> Indices(MatchingInstance instance, Plan plan)
    {
        var volunteers = instance.Volunteers.Select((v, i) => (v.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var slots = instance.Slots.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return [.. plan.Assignments.Select(a => (volunteers[a.Volunteer], slots[a.Slot]))];
    }

    public static void ShouldBeAPossiblePlan(this Plan plan, MatchingInstance instance)
    {
        var pairs = Indices(instance, plan);
        foreach (var (v, s) in pairs)
        {
            BruteForce.Feasible(instance.Volunteers[v], instance.Slots[s]).ShouldBeTrue($"{instance.Volunteers[v].Id} cannot fill {instance.Slots[s].Id}");
        }

        BruteForce.RespectsCaps(instance, pairs).ShouldBeTrue("the plan breaks a cap");
        var score = BruteForce.Score(instance, pairs, new HashSet<(int, int)>());
        plan.CoveredWeight.ShouldBe(score.Weight);
        plan.DistanceMeters.ShouldBe(score.Distance);
        plan.Filled.ShouldBe(pairs.Count);
    }
}
