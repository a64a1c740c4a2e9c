using Reflexes.Matching.Model;
using Reflexes.Matching.Planning;

namespace Reflexes.Matching.Tests;

/// <summary>Each feasibility rule and each cap, alone.</summary>
public sealed class ConstraintTests
{
    private const string Monday = "2026-12-07AM";

    private static Plan Solve(IEnumerable<Volunteer> volunteers, IEnumerable<Slot> slots) =>
        MatchingEngine.Solve(Make.Instance(volunteers, slots)).Plan;

    private static string[] Pairs(Plan plan) => [.. plan.Assignments.Select(a => $"{a.Volunteer}->{a.Slot}").Order()];

    [Fact]
    public void A_volunteer_fills_only_half_days_they_offer()
    {
        var plan = Solve([Make.Volunteer("v", ["2026-12-07PM"])], [Make.Slot("s", Monday)]);

        plan.Assignments.ShouldBeEmpty();
    }

    [Fact]
    public void A_volunteer_needs_every_required_skill()
    {
        var plan = Solve(
            [Make.Volunteer("partly", [Monday], skills: ["first-aid"]), Make.Volunteer("fully", [Monday], skills: ["first-aid", "driving"])],
            [Make.Slot("s", Monday, skills: ["first-aid", "driving"], needed: 2)]);

        Pairs(plan).ShouldBe(["fully->s"]);
    }

    [Fact]
    public void A_volunteer_needs_every_required_language()
    {
        var plan = Solve(
            [Make.Volunteer("fr", [Monday], languages: ["fr"]), Make.Volunteer("fr-ta", [Monday], languages: ["ta", "fr"])],
            [Make.Slot("s", Monday, languages: ["fr", "ta"], needed: 2)]);

        Pairs(plan).ShouldBe(["fr-ta->s"]);
    }

    [Fact]
    public void A_volunteer_travels_no_further_than_their_maximum_distance()
    {
        var plan = Solve(
            [Make.Volunteer("near", [Monday], lat: Make.North(4.99), maxKm: 5), Make.Volunteer("far", [Monday], lat: Make.North(5.01), maxKm: 5)],
            [Make.Slot("s", Monday, needed: 2)]);

        Pairs(plan).ShouldBe(["near->s"]);
        plan.DistanceMeters.ShouldBe(4990);
    }

    [Fact]
    public void A_volunteer_fills_at_most_one_slot_per_half_day()
    {
        var plan = Solve([Make.Volunteer("v", [Monday])], [Make.Slot("a", Monday), Make.Slot("b", Monday)]);

        plan.Filled.ShouldBe(1);
    }

    [Fact]
    public void A_half_day_listed_twice_by_a_caller_still_gives_one_slot()
    {
        var plan = Solve([Make.Volunteer("v", [Monday, Monday])], [Make.Slot("a", Monday), Make.Slot("b", Monday)]);

        plan.Filled.ShouldBe(1);
    }

    [Fact]
    public void Max_per_week_counts_iso_weeks_from_monday_to_sunday()
    {
        // Sunday 6 December is in ISO week 49, Monday 7 and Sunday 13 in week 50.
        var volunteer = Make.Volunteer("v", ["2026-12-06AM", "2026-12-07AM", "2026-12-13AM"], perWeek: 1);
        var slots = new[] { Make.Slot("sun6", "2026-12-06AM"), Make.Slot("mon7", "2026-12-07AM"), Make.Slot("sun13", "2026-12-13AM") };

        var plan = Solve([volunteer], slots);

        plan.Filled.ShouldBe(2);
        plan.Assignments.ShouldContain(a => a.Slot == "sun6");
    }

    [Fact]
    public void Max_total_caps_the_half_days_of_the_whole_plan()
    {
        var plan = Solve(
            [Make.Volunteer("v", ["2026-12-06AM", "2026-12-07AM", "2026-12-14AM"], total: 2)],
            [Make.Slot("a", "2026-12-06AM"), Make.Slot("b", "2026-12-07AM"), Make.Slot("c", "2026-12-14AM")]);

        plan.Filled.ShouldBe(2);
    }

    [Fact]
    public void A_slot_receives_at_most_the_people_it_needs()
    {
        var plan = Solve([Make.Volunteer("a", [Monday]), Make.Volunteer("b", [Monday]), Make.Volunteer("c", [Monday])], [Make.Slot("s", Monday, needed: 2)]);

        plan.Filled.ShouldBe(2);
    }

    [Fact]
    public void One_essential_place_outweighs_nine_normal_ones()
    {
        // The volunteer can fill either the essential slot or the normal slot (same half-day).
        var plan = Solve([Make.Volunteer("v", [Monday])], [Make.Slot("normal", Monday, priority: 3, needed: 9), Make.Slot("essential", Monday, priority: 1)]);

        Pairs(plan).ShouldBe(["v->essential"]);
        plan.CoveredWeight.ShouldBe(100);
    }

    [Fact]
    public void Coverage_comes_before_distance()
    {
        // Sending "near" to s1 (0 m) would leave s2 empty: both places filled costs 9.5 km, and coverage wins.
        var plan = Solve(
            [Make.Volunteer("near", [Monday], maxKm: 20), Make.Volunteer("other", [Monday], lat: Make.North(0.5), maxKm: 1)],
            [Make.Slot("s1", Monday), Make.Slot("s2", Monday, lat: Make.North(9))]);

        Pairs(plan).ShouldBe(["near->s2", "other->s1"]);
        plan.DistanceMeters.ShouldBe(9500);
    }

    [Fact]
    public void At_equal_coverage_the_shorter_total_distance_wins()
    {
        var plan = Solve(
            [Make.Volunteer("a", [Monday], lat: Make.North(0)), Make.Volunteer("b", [Monday], lat: Make.North(5))],
            [Make.Slot("x", Monday, lat: Make.North(5)), Make.Slot("y", Monday, lat: Make.North(0))]);

        Pairs(plan).ShouldBe(["a->y", "b->x"]);
        plan.DistanceMeters.ShouldBe(0);
    }

    [Fact]
    public void Each_assignment_counts_its_distance_rounded_to_the_nearest_metre()
    {
        var plan = Solve(
            [Make.Volunteer("a", [Monday], lat: Make.North(0.0004)), Make.Volunteer("b", [Monday], lat: Make.North(0.0006))],
            [Make.Slot("s", Monday, needed: 2)]);

        plan.Assignments.Select(a => a.DistanceMeters).Order().ShouldBe([0L, 1L]);
        plan.DistanceMeters.ShouldBe(1);
    }

    [Fact]
    public void Distance_is_haversine_on_a_sphere_of_6371_km()
    {
        // A quarter of a meridian: pi/2 * 6,371,000 m.
        Geo.RoundedMeters(Geo.DistanceMeters(0, 0, 90, 0)).ShouldBe(10_007_543);
        Geo.RoundedMeters(Geo.DistanceMeters(45.75, 4.85, 48.8566, 2.3522)).ShouldBe(Geo.RoundedMeters(BruteForce.Haversine(45.75, 4.85, 48.8566, 2.3522)));
    }
}
