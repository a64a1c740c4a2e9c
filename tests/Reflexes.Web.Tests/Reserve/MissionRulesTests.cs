using Reflexes.Web.Modules.Reserve.Domain;

namespace Reflexes.Web.Tests.Reserve;

/// <summary>The mission's own rules, without a database.</summary>
public sealed class MissionRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static MissionDraft Draft(params SlotDraft[] slots) => new(
        "Distribution", "Préparer les colis.", Guid.NewGuid(), MissionSource.Organisation, Guid.NewGuid(), "Place du Marché", 45.7, 4.8,
        [], ["fr"], MissionPriority.Essential, slots);

    [Fact]
    public void A_slot_needing_nobody_a_past_date_an_impossible_half_day_and_a_repeated_half_day_are_each_tied_to_their_field()
    {
        var problems = Draft(
            new SlotDraft(Today.AddDays(1), SlotPeriod.Morning, 0),
            new SlotDraft(Today.AddDays(-1), SlotPeriod.Morning, 2),
            new SlotDraft(Today.AddDays(2), (SlotPeriod)7, 1),
            new SlotDraft(Today.AddDays(1), SlotPeriod.Morning, 3)).Validate(Today).Select(p => (p.Field, p.Key)).ToList();

        problems.ShouldBe(
        [
            ("Slot0Needed", "mission.error.slot-needed"),
            ("Slot1Date", "mission.error.slot-past"),
            ("Slot2Period", "mission.error.slot-period"),
            ("Slot3Period", "mission.error.slot-twice"),
        ]);
    }

    [Fact]
    public void A_mission_without_slots_or_coordinates_is_refused_and_a_sound_one_passes()
    {
        Draft().Validate(Today).Select(p => p.Key).ShouldContain("mission.error.no-slot");
        (Draft(new SlotDraft(Today, SlotPeriod.Afternoon, 2)) with { Lat = double.NaN, Lon = 200 }).Validate(Today).Select(p => p.Field)
            .ShouldBe(["Lat", "Lon"]);
        Draft(new SlotDraft(Today, SlotPeriod.Afternoon, 2)).Validate(Today).ShouldBeEmpty();
    }

    [Fact]
    public void A_mission_goes_from_draft_to_published_and_a_returned_one_is_a_draft_again_with_its_reason()
    {
        var now = new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);
        var mission = Mission.Post(Draft(new SlotDraft(Today.AddDays(3), SlotPeriod.Morning, 2)), "partner", now);
        Should.Throw<InvalidOperationException>(() => mission.Publish("coordinator", now));
        mission.Submit(now);
        mission.Return("Précisez le lieu.", "coordinator");
        mission.Status.ShouldBe(MissionStatus.Draft);
        mission.Reason.ShouldBe("Précisez le lieu.");
        mission.Submit(now);
        mission.Reason.ShouldBeNull();
        mission.Publish("coordinator", now);
        mission.Status.ShouldBe(MissionStatus.Published);
        Should.Throw<ArgumentException>(() => mission.Cancel(" "));
        mission.Cancel("Annulée par l'association.");
        mission.Status.ShouldBe(MissionStatus.Cancelled);
    }

    [Fact]
    public void An_assignment_is_accepted_only_once_published_and_time_is_recorded_only_when_confirmed()
    {
        var now = new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);
        var a = AssignmentOfVolunteer.Propose(Guid.NewGuid(), Guid.NewGuid(), "user", Guid.NewGuid(), Guid.NewGuid(), 1200, byHand: false, now);
        Should.Throw<InvalidOperationException>(() => a.Accept(now));
        Should.Throw<InvalidOperationException>(() => a.RecordTime(60));
        a.Publish(now);
        a.Accept(now);
        a.IsConfirmed.ShouldBeTrue();
        Should.Throw<ArgumentOutOfRangeException>(() => a.RecordTime(0));
        a.RecordTime(150);
        a.MinutesSpent.ShouldBe(150);
    }
}
