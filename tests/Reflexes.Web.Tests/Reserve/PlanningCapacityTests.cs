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

/// <summary>The planning board's capacity figure and the engine input use an agent's binding limit (docs/adr/0321); once per database.</summary>
public abstract class PlanningCapacityTests(AppFixture fixture)
{
    [SkippableFact]
    public async Task When_the_yearly_quota_binds_the_board_shows_it_and_the_engine_proposes_no_more()
    {
        var app = await fixture.AppAsync();
        var coordinator = app.CreateBrowserLikeClient();
        await coordinator.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);
        var antoine = await fixture.WithDbAsync(db => db.Volunteers.Where(v => v.UserId == db.Users.Where(u => u.Email == Demo.Email(Roles.Agent)).Select(u => u.Id).First())
            .Select(v => v.Id).SingleAsync());
        var board = "/reserve/planning?week=" + Iso(NextMonday);

        // The demo agent offers Tuesday and Thursday afternoons, two half-days a week at most, within a 10-day quota.
        Row(await coordinator.GetStringAsync(new Uri(board, UriKind.Relative)), antoine).ShouldContain("plafond par semaine");

        // The city lowers its quota to 2 days: 4 half-days, 3 of which the agent has already given this year.
        var used = await fixture.WithDbAsync(db => db.ReassignmentHalfDays.CountAsync(h => h.VolunteerId == antoine && h.Date.Year == NextMonday.Year));
        used.ShouldBe(3);
        var city = await fixture.WithDbAsync(db => db.Organisations.Where(o => o.Name == DemoTerritory.LocalGovernmentName).Select(o => o.Id).SingleAsync());
        (await coordinator.PostFormAsync("/reserve/agents/reassignments",
            [new("OrganisationId", city.ToString()), new("Year", NextMonday.Year.ToString(CultureInfo.InvariantCulture)), new("Days", "2")],
            "/reserve/agents/reassignments?handler=Quota")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var row = Row(await coordinator.GetStringAsync(new Uri(board, UriKind.Relative)), antoine);
        row.ShouldContain("quota annuel de l’agent");
        row.ShouldContain("data-left=\"1\"");

        // A mission only the agent can serve, on both of his half-days: the engine gives him one, as the quota allows.
        var posted = await coordinator.PostFormAsync("/reserve/missions/edit",
        [
            new("Title", "Navette pour la collecte"), new("Description", "Conduire la camionnette entre les points de collecte."),
            new("OrganisationId", DemoTerritory.IdFor("organisation", "ccas").ToString()), new("Source", "Organisation"),
            new("NeighbourhoodId", DemoTerritory.IdFor("neighbourhood", "CENTRE-VILLE").ToString()), new("Place", "Parking de l'Hôtel-de-Ville"),
            new("Skills", DemoTerritory.IdFor("skill", "Aide administrative").ToString()),
            new("Skills", DemoTerritory.IdFor("skill", "Conduite de véhicule (permis B)").ToString()), new("Priority", "Essential"),
            new("SlotDate", Iso(NextMonday.AddDays(1))), new("SlotPeriod", "Afternoon"), new("SlotNeeded", "1"),
            new("SlotDate", Iso(NextMonday.AddDays(3))), new("SlotPeriod", "Afternoon"), new("SlotNeeded", "1"), new("submit", "true"),
        ]);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var missionPath = posted.Headers.Location!.OriginalString;
        (await coordinator.PostFormAsync(missionPath, [], missionPath + "?handler=Publish")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await coordinator.PostFormAsync(board, [], board + "&handler=Run")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var his = await fixture.WithDbAsync(db => db.VolunteerAssignments.CountAsync(a => a.VolunteerId == antoine && a.Status == AssignmentStatus.Proposed
            && db.MissionSlots.Any(s => s.Id == a.SlotId && s.Date >= NextMonday && s.Date <= NextMonday.AddDays(6))));
        his.ShouldBe(1);
        Row(await coordinator.GetStringAsync(new Uri(board, UriKind.Relative)), antoine).ShouldContain("data-left=\"0\"");

        // By hand, a second half-day is refused for the same reason.
        var other = await fixture.WithDbAsync(db => db.MissionSlots.Where(s => s.Date >= NextMonday && s.Date <= NextMonday.AddDays(6)
                && db.Missions.Any(m => m.Id == s.MissionId && m.Title == "Navette pour la collecte")
                && !db.VolunteerAssignments.Any(a => a.SlotId == s.Id && a.VolunteerId == antoine && a.Status == AssignmentStatus.Proposed))
            .Select(s => s.Id).SingleAsync());
        var refused = await coordinator.PostFormAsync(board, [new("slot", other.ToString()), new("volunteer", antoine.ToString())], board + "&handler=Add");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("a atteint son plafond de demi-journées");
    }

    private static string Row(string html, Guid volunteer)
    {
        var start = html.IndexOf("data-volunteer=\"" + volunteer + "\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0);
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}

public sealed class PlanningCapacityTests_OnSqlite(SqliteApp fixture) : PlanningCapacityTests(fixture), IClassFixture<SqliteApp>;

public sealed class PlanningCapacityTests_OnPostgreSql(PostgreSqlApp fixture) : PlanningCapacityTests(fixture), IClassFixture<PostgreSqlApp>;
