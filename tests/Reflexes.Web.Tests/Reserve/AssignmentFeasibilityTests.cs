using Reflexes.Matching.Model;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Modules.Reserve.Planning;
using Reflexes.Web.Modules.Reserve.Volunteers;

namespace Reflexes.Web.Tests.Reserve;

/// <summary>The hand-added assignment check applies the engine's feasibility rules, one message per broken rule.</summary>
public sealed class AssignmentFeasibilityTests
{
    private static readonly DateOnly Wednesday = new(2026, 12, 2);
    private static readonly Guid Visiting = Guid.NewGuid();

    private static PoolVolunteer Rose(int maxPerWeek = 2, int maxTotal = 4, int km = 5) => new(
        Guid.NewGuid(), VolunteerKind.Resident, "Rose", null, [Visiting], [Visiting], [], ["fr", "it"], 45.71, 4.8625, km,
        [new VolunteerHalfDay(Wednesday, VolunteerPeriod.Afternoon), new VolunteerHalfDay(Wednesday.AddDays(3), VolunteerPeriod.Morning)],
        maxPerWeek, 6, maxTotal);

    private static (Mission Mission, MissionSlot Slot) Visit(double lat = 45.712, string[]? languages = null, SlotPeriod period = SlotPeriod.Afternoon, int needed = 1)
    {
        var mission = Mission.Post(new MissionDraft("Visite", "Tenir compagnie.", Guid.NewGuid(), MissionSource.Organisation, Guid.NewGuid(), "Hall",
            lat, 4.8625, [Visiting.ToString()], languages ?? ["fr"], MissionPriority.Normal, [new SlotDraft(Wednesday, period, needed)]), "u", DateTime.UnixEpoch);
        return (mission, mission.Slots[0]);
    }

    [Fact]
    public void A_volunteer_who_fits_every_rule_may_be_added()
    {
        var (mission, slot) = Visit();
        AssignmentFeasibility.Problems(Rose(), mission, slot, [], 0).ShouldBeEmpty();
    }

    [Fact]
    public void Each_broken_rule_is_reported()
    {
        var (morning, morningSlot) = Visit(period: SlotPeriod.Morning, languages: ["ta"], lat: 46.0);
        AssignmentFeasibility.Problems(Rose(), morning, morningSlot, [], 1)
            .ShouldBe(["planning.error.not-available", "planning.error.languages", "planning.error.distance", "planning.error.slot-full"]);

        var (mission, slot) = Visit();
        var sameHalfDay = new HalfDay(Wednesday, Afternoon: true);
        AssignmentFeasibility.Problems(Rose(), mission, slot, [sameHalfDay], 0).ShouldBe(["planning.error.same-half-day"]);
        AssignmentFeasibility.Problems(Rose(maxPerWeek: 1), mission, slot, [new HalfDay(Wednesday.AddDays(3), false)], 0).ShouldBe(["planning.error.week-cap"]);
        AssignmentFeasibility.Problems(Rose(maxTotal: 1), mission, slot, [new HalfDay(Wednesday.AddDays(9), false)], 0).ShouldBe(["planning.error.total-cap"]);
    }
}
