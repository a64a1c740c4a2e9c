using Reflexes.Matching.Model;
using Reflexes.Matching.Planning;
using Reflexes.Matching.Reading;

namespace Reflexes.Matching.Tests;

public sealed class ReplanningTests
{
    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1000; seed < 1200; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    private static ListedPair Listed(MatchingInstance instance, (int V, int S) pair, int index) =>
        new(new Pair(instance.Volunteers[pair.V].Id, instance.Slots[pair.S].Id), index, index + 1, 1);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_replan_keeps_confirmed_assignments_and_the_most_previous_proposals_at_equal_objective(int seed)
    {
        var instance = RandomInstances.Create(seed, maxPairs: 12);
        var random = new Random(seed);
        var pairs = BruteForce.Pairs(instance).OrderBy(_ => random.Next()).ToList();
        var confirmed = new List<(int V, int S)>();
        foreach (var pair in pairs.Where(_ => random.NextDouble() < 0.3))
        {
            if (BruteForce.RespectsCaps(instance, [.. confirmed, pair]))
            {
                confirmed.Add(pair);
            }
        }

        var previous = pairs.Where(p => !confirmed.Contains(p) && random.NextDouble() < 0.5).ToHashSet();
        var options = new MatchOptions
        {
            Confirmed = [.. confirmed.Select((p, i) => Listed(instance, p, i))],
            Previous = [.. previous.Select(p => new Pair(instance.Volunteers[p.V].Id, instance.Slots[p.S].Id)), new Pair("someone-who-left", "s0")],
        };

        var plan = MatchingEngine.Solve(instance, options).Plan;

        plan.ShouldBeAPossiblePlan(instance);
        var planned = PlanChecks.Indices(instance, plan);
        confirmed.ShouldBeSubsetOf(planned);
        plan.Assignments.Count(a => a.Confirmed).ShouldBe(confirmed.Count);
        var best = BruteForce.Best(instance, confirmed, previous);
        (plan.CoveredWeight, plan.DistanceMeters, plan.Replan!.Kept).ShouldBe((best.Weight, best.Distance, best.Kept));
        plan.Replan.Changed.ShouldBe(previous.Count + 1 - best.Kept);
    }

    [Fact]
    public void When_a_volunteer_cancels_only_their_place_is_re_planned()
    {
        // Two equally good volunteers per slot: the first plan picks one each; after v1 leaves, only s1 changes.
        var days = new[] { "2026-12-07AM" };
        var volunteers = new[]
        {
            Make.Volunteer("v1", days, lat: Make.North(1)), Make.Volunteer("v2", days, lat: Make.North(1)),
            Make.Volunteer("v3", days, lat: Make.North(3)), Make.Volunteer("v4", days, lat: Make.North(3)),
        };
        var slots = new[] { Make.Slot("s1", days[0], lat: Make.North(1)), Make.Slot("s2", days[0], lat: Make.North(3)) };
        var first = MatchingEngine.Solve(Make.Instance(volunteers, slots)).Plan;
        var kept = first.Assignments.Single(a => a.Slot == "s2");
        var leaving = first.Assignments.Single(a => a.Slot == "s1").Volunteer;

        var remaining = Make.Instance(volunteers.Where(v => v.Id != leaving), slots);
        var again = MatchingEngine.Solve(remaining, new MatchOptions { Previous = [.. first.Assignments.Select(a => new Pair(a.Volunteer, a.Slot))] }).Plan;

        again.Filled.ShouldBe(2);
        again.Assignments.ShouldContain(a => a.Volunteer == kept.Volunteer && a.Slot == "s2");
        again.Replan!.Kept.ShouldBe(1);
        again.Replan.Changed.ShouldBe(1);
    }

    [Fact]
    public void A_confirmed_assignment_that_is_no_longer_possible_is_refused_with_its_position()
    {
        var instance = Make.Instance(
            [Make.Volunteer("v1", ["2026-12-07AM"], perWeek: 1), Make.Volunteer("v2", ["2026-12-08AM"])],
            [Make.Slot("s1", "2026-12-07AM"), Make.Slot("s2", "2026-12-08AM")]);
        var confirmed = AssignmentListReader.Read(
            """
            {"assignments": [
              {"volunteer": "v1", "slot": "s1"},
              {"volunteer": "ghost", "slot": "s1"},
              {"volunteer": "v1", "slot": "s2"}
            ]}
            """u8.ToArray(), "confirmed.json");

        var error = Should.Throw<MatchingInputException>(() => MatchingEngine.Solve(instance, new MatchOptions { Confirmed = confirmed, ConfirmedInput = "confirmed.json" }));

        error.Input.ShouldBe("confirmed.json");
        error.Errors.Select(e => e.ToString()).ShouldBe([
            "line 3, column 3: assignments[1]: volunteer \"ghost\" is not in the instance",
            "line 4, column 3: assignments[2]: volunteer \"v1\" cannot fill slot \"s2\": they do not offer 2026-12-08AM",
        ]);
    }

    [Fact]
    public void Confirmed_assignments_beyond_a_cap_are_refused()
    {
        var instance = Make.Instance(
            [Make.Volunteer("v1", ["2026-12-07AM", "2026-12-08AM"], perWeek: 1), Make.Volunteer("v2", ["2026-12-07AM"])],
            [Make.Slot("s1", "2026-12-07AM"), Make.Slot("s2", "2026-12-08AM")]);
        var options = new MatchOptions
        {
            Confirmed = [Listed(instance, (0, 0), 0), Listed(instance, (0, 1), 1), Listed(instance, (1, 0), 2)],
        };

        var error = Should.Throw<MatchingInputException>(() => MatchingEngine.Solve(instance, options));

        error.Errors.Select(e => e.Message).ShouldBe([
            "assignments[1]: volunteer \"v1\" would have 2 confirmed half-days in ISO week 2026-W50, more than their maxPerWeek of 1",
            "assignments[2]: slot \"s1\" would have 2 confirmed volunteers, more than the 1 needed",
        ]);
    }
}
