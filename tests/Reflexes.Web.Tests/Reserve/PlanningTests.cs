using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Modules.Territory.DemoSeed;
using Reflexes.Web.Tests.Fixtures;

using static Reflexes.Web.Tests.Reserve.ReserveDates;

namespace Reflexes.Web.Tests.Reserve;

/// <summary>The planning board with the demo reserve: run, publish, accept, hand changes, re-plan; once per database.</summary>
public abstract class PlanningTests(AppFixture fixture)
{
    [SkippableFact]
    public async Task A_coordinator_plans_the_week_publishes_and_the_volunteer_accepts_then_a_re_plan_keeps_her()
    {
        var app = await fixture.AppAsync();
        var coordinator = app.CreateBrowserLikeClient();
        await coordinator.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);
        var wednesday = NextMonday.AddDays(2);

        // A visit in Bellevue on Wednesday afternoon: Rose (the demo resident, a member living in Bellevue, free on
        // Wednesday afternoons, with the visiting skill) is the nearest volunteer who can go.
        var posted = await coordinator.PostFormAsync("/reserve/missions/edit",
        [
            new("Title", "Visite de convivialité à Bellevue"), new("Description", "Rendre visite à une dame isolée qui a appelé la mairie."),
            new("OrganisationId", DemoTerritory.IdFor("organisation", "ccas").ToString()), new("Source", "ResidentByPhone"),
            new("NeighbourhoodId", DemoTerritory.IdFor("neighbourhood", "BELLEVUE").ToString()), new("Place", "Résidence des Tilleuls, hall"),
            new("Skills", DemoTerritory.IdFor("skill", "Visite aux personnes isolées").ToString()), new("Priority", "Essential"),
            new("SlotDate", Iso(wednesday)), new("SlotPeriod", "Afternoon"), new("SlotNeeded", "1"), new("submit", "true"),
        ]);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var missionPath = posted.Headers.Location!.OriginalString;
        (await coordinator.PostFormAsync(missionPath, [], missionPath + "?handler=Publish")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var board = "/reserve/planning?week=" + Iso(NextMonday);
        var run = await coordinator.PostFormAsync(board, [], board + "&handler=Run");
        run.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await coordinator.GetStringAsync(new Uri(board, UriKind.Relative));
        html.ShouldContain("Visite de convivialité à Bellevue");
        html.ShouldContain("Rose Résidente");
        var proposed = await fixture.WithDbAsync(db => db.VolunteerAssignments.CountAsync(a => a.Status == AssignmentStatus.Proposed));
        proposed.ShouldBeGreaterThan(1);

        // The resident sees nothing before publication.
        var rose = app.CreateBrowserLikeClient();
        await rose.SignInAsync(Demo.Email(Roles.Resident), Demo.Password);
        (await rose.GetStringAsync(new Uri("/reserve/my-missions", UriKind.Relative))).ShouldNotContain("Visite de convivialité");

        (await coordinator.PostFormAsync(board, [], board + "&handler=Publish")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await rose.GetStringAsync(new Uri("/notifications", UriKind.Relative))).ShouldContain("Visite de convivialité à Bellevue");
        (await Mail.LastMessageToAsync(app.MailFolder, Demo.Email(Roles.Resident))).ShouldContain("Visite de convivialit");
        var mine = await rose.GetStringAsync(new Uri("/reserve/my-missions", UriKind.Relative));
        mine.ShouldContain("Visite de convivialité à Bellevue");
        var roseAssignment = await fixture.WithDbAsync(db => db.VolunteerAssignments.Where(a => a.UserId != null && a.Status == AssignmentStatus.Published)
            .Join(db.Missions.Where(m => m.Title == "Visite de convivialité à Bellevue"), a => a.MissionId, m => m.Id, (a, m) => a.Id).SingleAsync());
        (await rose.PostFormAsync("/reserve/my-missions", [new("assignment", roseAssignment.ToString())], "/reserve/my-missions?handler=Accept"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await rose.GetStringAsync(new Uri("/reserve/my-missions", UriKind.Relative))).ShouldContain("Confirmée");

        // Hours cannot be recorded before the mission.
        var early = await rose.PostFormAsync("/reserve/my-missions", [new("assignment", roseAssignment.ToString()), new("hours", "2")], "/reserve/my-missions?handler=Hours");
        early.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await early.Content.ReadAsStringAsync()).ShouldContain("après la mission");

        // Re-planning keeps the confirmed assignment as it is and adds nothing for the full slot.
        (await coordinator.PostFormAsync(board, [], board + "&handler=Run")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await fixture.WithDbAsync(db => db.VolunteerAssignments.Where(a => a.SlotId == db.VolunteerAssignments.Where(x => x.Id == roseAssignment).Select(x => x.SlotId).First()
            && a.Status != AssignmentStatus.Withdrawn).Select(a => new { a.Id, a.Status }).ToListAsync());
        after.Count.ShouldBe(1);
        after[0].Id.ShouldBe(roseAssignment);
        after[0].Status.ShouldBe(AssignmentStatus.Accepted);

        // A re-plan at equal objective keeps the previous proposals: nothing else changed, so every proposal stays.
        var before = await fixture.WithDbAsync(db => db.VolunteerAssignments.Where(a => a.Status == AssignmentStatus.Published).Select(a => a.Id).OrderBy(id => id).ToListAsync());
        (await coordinator.PostFormAsync(board, [], board + "&handler=Run")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await fixture.WithDbAsync(db => db.VolunteerAssignments.Where(a => a.Status == AssignmentStatus.Published).Select(a => a.Id).OrderBy(id => id).ToListAsync()))
            .ShouldBe(before);
    }

    [SkippableFact]
    public async Task Adding_a_volunteer_by_hand_is_checked_against_the_engine_rules_and_removing_frees_the_place()
    {
        var app = await fixture.AppAsync();
        var coordinator = app.CreateBrowserLikeClient();
        await coordinator.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);
        var board = "/reserve/planning?week=" + Iso(NextMonday);
        var (slot, rose) = await fixture.WithDbAsync(async db => (
            await db.MissionSlots.Where(s => s.Period == SlotPeriod.Morning && s.Date == NextMonday.AddDays(1))
                .Join(db.Missions.Where(m => m.Title == "Aide numérique : démarches en ligne"), s => s.MissionId, m => m.Id, (s, m) => s.Id).SingleAsync(),
            await db.Volunteers.Where(v => v.UserId != null && v.Kind == VolunteerKind.Resident).Select(v => v.Id).SingleAsync()));

        var refused = await coordinator.PostFormAsync(board, [new("slot", slot.ToString()), new("volunteer", rose.ToString())], board + "&handler=Add");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("n’est pas disponible sur cette demi-journée");
        html.ShouldContain("n’a pas toutes les compétences requises");
        (await fixture.WithDbAsync(db => db.VolunteerAssignments.CountAsync(a => a.SlotId == slot && a.VolunteerId == rose))).ShouldBe(0);

        (await coordinator.PostFormAsync(board, [], board + "&handler=Run")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var some = await fixture.WithDbAsync(db => db.VolunteerAssignments.Where(a => a.Status == AssignmentStatus.Proposed).Select(a => new { a.Id, a.SlotId, a.VolunteerId }).FirstAsync());
        (await coordinator.PostFormAsync(board, [new("assignment", some.Id.ToString())], board + "&handler=Remove")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await fixture.WithDbAsync(db => db.VolunteerAssignments.Where(a => a.Id == some.Id).Select(a => a.Status).SingleAsync())).ShouldBe(AssignmentStatus.Withdrawn);

        var added = await coordinator.PostFormAsync(board, [new("slot", some.SlotId.ToString()), new("volunteer", some.VolunteerId.ToString())], board + "&handler=Add");
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await fixture.WithDbAsync(db => db.VolunteerAssignments.CountAsync(a => a.SlotId == some.SlotId && a.VolunteerId == some.VolunteerId && a.AddedByHand && a.Status == AssignmentStatus.Proposed)))
            .ShouldBe(1);
    }

    [SkippableFact]
    public async Task Only_the_coordination_unit_opens_the_planning_board()
    {
        var app = await fixture.AppAsync();
        var partner = app.CreateBrowserLikeClient();
        await partner.SignInAsync(Demo.Email(Roles.Partner), Demo.Password);
        MissionsTests.Refused(await partner.GetAsync(new Uri("/reserve/planning", UriKind.Relative))).ShouldBeTrue();
    }
}

public sealed class PlanningSqliteTests(SqliteApp fixture) : PlanningTests(fixture), IClassFixture<SqliteApp>;

public sealed class PlanningPostgreSqlTests(PostgreSqlApp fixture) : PlanningTests(fixture), IClassFixture<PostgreSqlApp>;
