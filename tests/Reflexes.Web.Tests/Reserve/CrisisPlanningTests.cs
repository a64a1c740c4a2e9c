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

/// <summary>Crisis mode changes the computed plan (docs/adr/0320): normal missions are postponed; once per database.</summary>
public abstract class CrisisPlanningTests(AppFixture fixture)
{
    [SkippableFact]
    public async Task In_crisis_mode_the_plan_drops_normal_missions_and_keeps_the_essential_and_important_coverage()
    {
        var app = await fixture.AppAsync();
        var coordinator = app.CreateBrowserLikeClient();
        await coordinator.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);

        // A normal mission without required skill or language in the town centre: out of crisis someone is proposed for it.
        var posted = await coordinator.PostFormAsync("/reserve/missions/edit",
        [
            new("Title", "Rangement de la ludothèque"), new("Description", "Ranger et trier les jeux rendus."),
            new("OrganisationId", DemoTerritory.IdFor("organisation", "ccas").ToString()), new("Source", "Organisation"),
            new("NeighbourhoodId", DemoTerritory.IdFor("neighbourhood", "CENTRE-VILLE").ToString()), new("Place", "Ludothèque, 3 place de l'Hôtel-de-Ville"),
            new("Priority", "Normal"),
            new("SlotDate", Iso(NextMonday.AddDays(2))), new("SlotPeriod", "Afternoon"), new("SlotNeeded", "2"),
            new("SlotDate", Iso(NextMonday.AddDays(3))), new("SlotPeriod", "Morning"), new("SlotNeeded", "2"), new("submit", "true"),
        ]);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var missionPath = posted.Headers.Location!.OriginalString;
        (await coordinator.PostFormAsync(missionPath, [], missionPath + "?handler=Publish")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var board = "/reserve/planning?week=" + Iso(NextMonday);
        (await coordinator.PostFormAsync(board, [], board + "&handler=Run")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var normal = await PlacesAsync(MissionPriority.Normal);
        normal.ShouldBeGreaterThan(0);
        var essential = await PlacesAsync(MissionPriority.Essential);
        var important = await PlacesAsync(MissionPriority.Important);
        (essential + important).ShouldBeGreaterThan(0);
        (await coordinator.GetStringAsync(new Uri(board, UriKind.Relative))).ShouldNotContain("Reportée (mode crise)");

        try
        {
            (await coordinator.PostFormAsync("/reserve/moderation", [new("on", "true")], "/reserve/moderation?handler=Crisis")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await coordinator.PostFormAsync(board, [], board + "&handler=Run")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

            // Normal missions are not planned: their proposals are withdrawn. The essential and important places filled are
            // exactly as many as before (the engine fills them class by class, whatever comes after them).
            (await PlacesAsync(MissionPriority.Normal)).ShouldBe(0);
            (await PlacesAsync(MissionPriority.Essential)).ShouldBe(essential);
            (await PlacesAsync(MissionPriority.Important)).ShouldBe(important);
            var html = await coordinator.GetStringAsync(new Uri(board, UriKind.Relative));
            html.ShouldContain("Mode crise : seules les missions essentielles et importantes sont planifiées");
            html.ShouldContain("Reportée (mode crise)");

            // Switched off again, the next run plans normal missions again.
            (await coordinator.PostFormAsync("/reserve/moderation", [new("on", "false")], "/reserve/moderation?handler=Crisis")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await coordinator.PostFormAsync(board, [], board + "&handler=Run")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await PlacesAsync(MissionPriority.Normal)).ShouldBe(normal);
        }
        finally
        {
            await coordinator.PostFormAsync("/reserve/moderation", [new("on", "false")], "/reserve/moderation?handler=Crisis");
        }
    }

    private Task<int> PlacesAsync(MissionPriority priority) => fixture.WithDbAsync(db =>
        db.VolunteerAssignments.CountAsync(a => a.Status == AssignmentStatus.Proposed
            && db.Missions.Any(m => m.Id == a.MissionId && m.Priority == priority)
            && db.MissionSlots.Any(s => s.Id == a.SlotId && s.Date >= NextMonday && s.Date <= NextMonday.AddDays(6))));
}

public sealed class CrisisPlanningTests_OnSqlite(SqliteApp fixture) : CrisisPlanningTests(fixture), IClassFixture<SqliteApp>;

public sealed class CrisisPlanningTests_OnPostgreSql(PostgreSqlApp fixture) : CrisisPlanningTests(fixture), IClassFixture<PostgreSqlApp>;
