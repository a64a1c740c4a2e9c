using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.Reserve.Agents;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Modules.Territory.DemoSeed;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.Reserve;

/// <summary>Agents in the reserve: the manager's approval, the quota consumed by confirmed half-days, the personal plan. Once per database.</summary>
public abstract class ReassignmentTests(AppFixture fixture)
{
    [SkippableFact]
    public async Task The_home_manager_approves_a_request_which_opens_the_agents_half_days_to_planning()
    {
        var app = await fixture.AppAsync();
        var manager = app.CreateBrowserLikeClient();
        await manager.SignInAsync(Demo.Email(Roles.Agent), Demo.Password);
        var queue = await manager.GetStringAsync(new Uri("/reserve/agents/approvals", UriKind.Relative));
        queue.ShouldContain("Coup de main aux aînés");
        queue.ShouldContain("Protection civile locale");

        var (requestId, volunteerId, start, end) = await fixture.WithDbAsync(async db =>
        {
            var r = await db.Reassignments.Where(x => x.Status == ReassignmentStatus.Requested).Select(x => new { x.Id, x.VolunteerId, x.StartDate, x.PlannedEndDate, x.HostOrganisationId }).ToListAsync();
            var host = await db.Organisations.Where(o => o.Name == "Coup de main aux aînés").Select(o => o.Id).SingleAsync();
            var mine = r.Single(x => x.HostOrganisationId == host);
            return (mine.Id, mine.VolunteerId, mine.StartDate, mine.PlannedEndDate);
        });
        (await VolunteerTests.PoolAsync(app, start, start.AddDays(13))).Volunteers.ShouldNotContain(v => v.VolunteerId == volunteerId);

        // Someone who is not the agent's manager cannot decide, even the coordination unit.
        var coordinator = app.CreateBrowserLikeClient();
        await coordinator.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);
        (await coordinator.PostFormAsync("/reserve/agents/approvals", [new("id", requestId.ToString())], "/reserve/agents/approvals?handler=Approve"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await manager.PostFormAsync("/reserve/agents/approvals", [new("id", requestId.ToString()), new("note", "Bon courage")], "/reserve/agents/approvals?handler=Approve"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await fixture.WithDbAsync(db => db.Reassignments.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync())).ShouldBe(ReassignmentStatus.Approved);
        (await manager.GetStringAsync(new Uri("/reserve/agents/approvals", UriKind.Relative))).ShouldNotContain("Coup de main aux aînés");

        var pooled = (await VolunteerTests.PoolAsync(app, start.AddDays(-7), end.AddDays(7))).Volunteers.Single(v => v.VolunteerId == volunteerId);
        pooled.Kind.ShouldBe(VolunteerKind.Agent);
        pooled.HalfDays.ShouldNotBeEmpty();
        pooled.HalfDays.ShouldAllBe(h => h.Date >= start && h.Date <= end && h.Date.DayOfWeek != DayOfWeek.Saturday && h.Date.DayOfWeek != DayOfWeek.Sunday);
        pooled.MaxTotal.ShouldBeLessThanOrEqualTo(20); // ten days of quota
    }

    [SkippableFact]
    public async Task Confirmed_half_days_consume_the_yearly_quota_until_it_is_used_up_and_the_plan_shows_the_balance()
    {
        var app = await fixture.AppAsync();
        var agent = app.CreateBrowserLikeClient();
        await agent.SignInAsync(Demo.Email(Roles.Agent), Demo.Password);
        var plan = await agent.GetStringAsync(new Uri("/reserve/agents/plan", UriKind.Relative));
        plan.ShouldContain("Banque alimentaire du Valbrunois");
        plan.ShouldContain("Sylvie Marchal");
        plan.ShouldContain("Conduite de véhicule (permis B)");
        plan.ShouldContain("<dd>8,5</dd>"); // 10 days, 3 half-days used

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var scope = app.Services.CreateScope();
        var desk = scope.ServiceProvider.GetRequiredService<ReassignmentDesk>();
        var db = scope.ServiceProvider.GetRequiredService<Reflexes.Web.Platform.Data.ReflexesDbContext>();
        var recorder = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "planner")], "test"));
        var antoine = DemoTerritory.IdFor("agent", Demo.Email(Roles.Agent));
        var volunteerId = await db.Volunteers.Where(v => v.AgentId == antoine).Select(v => v.Id).SingleAsync();
        var resident = await db.Volunteers.Where(v => v.Kind == VolunteerKind.Resident).Select(v => v.Id).FirstAsync();
        var day = new VolunteerHalfDay(today.AddDays(1), VolunteerPeriod.Morning);

        (await desk.RecordConfirmedHalfDayAsync(volunteerId, day, "mission/test", [], recorder, default)).ShouldBe(ConsumptionOutcome.Recorded);
        (await desk.RecordConfirmedHalfDayAsync(volunteerId, day, "mission/test", [], recorder, default)).ShouldBe(ConsumptionOutcome.AlreadyRecorded);
        (await desk.RecordConfirmedHalfDayAsync(volunteerId, new(today.AddDays(200), VolunteerPeriod.Morning), "mission/test", [], recorder, default))
            .ShouldBe(ConsumptionOutcome.NoApprovedReassignment);
        (await desk.RecordConfirmedHalfDayAsync(resident, day, "mission/test", [], recorder, default)).ShouldBe(ConsumptionOutcome.NotAnAgent);
        var balance = await desk.BalanceAsync(volunteerId, day.Date.Year, recorder, default);
        balance!.UsedHalfDays.ShouldBe(4);
        balance.RemainingDays.ShouldBe(8m);

        // The service gets its own, smaller quota: 2 days = 4 half-days, all used.
        var service = await db.Organisations.Where(o => o.Name == "Solidarités et seniors").Select(o => o.Id).SingleAsync();
        (await desk.SetQuotaAsync(service, day.Date.Year, 2, "planner", default)).ShouldBeNull();
        (await desk.SetQuotaAsync(service, day.Date.Year, -1, "planner", default)).ShouldBe(("Days", "quota.error.days"));
        (await desk.RecordConfirmedHalfDayAsync(volunteerId, new(day.Date, VolunteerPeriod.Afternoon), "mission/test", [], recorder, default))
            .ShouldBe(ConsumptionOutcome.QuotaExhausted);
        (await VolunteerTests.PoolAsync(app, day.Date, day.Date.AddDays(13))).Volunteers.ShouldNotContain(v => v.VolunteerId == volunteerId);

        (await desk.ReleaseHalfDayAsync(volunteerId, day, recorder, default)).ShouldBeTrue();
        (await desk.BalanceAsync(volunteerId, day.Date.Year, recorder, default))!.RemainingHalfDays.ShouldBe(1);
        (await desk.SetQuotaAsync(service, day.Date.Year, 10, "planner", default)).ShouldBeNull();
    }

    [SkippableFact]
    public async Task An_agent_asks_for_a_period_with_clear_messages_for_impossible_dates_and_it_goes_to_their_manager()
    {
        var app = await fixture.AppAsync();
        var agent = app.CreateBrowserLikeClient();
        await agent.SignInAsync(Demo.Email(Roles.Agent), Demo.Password);
        var host = await fixture.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Épicerie solidaire des Tanneurs").Select(o => o.Id).SingleAsync());
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        string D(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var bad = await agent.PostFormAsync("/reserve/agents/plan",
            [new("HostOrganisationId", host.ToString()), new("Description", "Épicerie"), new("StartDate", D(start)), new("PlannedEndDate", D(start.AddDays(-3))), new("PlannedReturnDate", "2027-13-01")],
            "/reserve/agents/plan?handler=Request");
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await bad.Content.ReadAsStringAsync();
        page.ShouldContain("href=\"#PlannedReturnDate\"");
        var before = await fixture.WithDbAsync(db => db.Reassignments.Select(r => r.Id).CountAsync());

        var good = await agent.PostFormAsync("/reserve/agents/plan",
            [new("HostOrganisationId", host.ToString()), new("Description", "Renfort de l’épicerie solidaire"), new("StartDate", D(start)), new("PlannedEndDate", D(start.AddDays(20))), new("PlannedReturnDate", D(start.AddDays(21)))],
            "/reserve/agents/plan?handler=Request");
        good.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await fixture.WithDbAsync(db => db.Reassignments.Select(r => r.Id).CountAsync())).ShouldBe(before + 1);
        var managerId = await fixture.WithDbAsync(db => db.Reassignments.Where(r => r.HostOrganisationId == host && r.Description == "Renfort de l’épicerie solidaire").Select(r => r.ManagerAgentId).SingleAsync());
        var head = await fixture.WithDbAsync(db => db.Agents.Where(a => a.Id == DemoTerritory.IdFor("agent", Demo.Email(Roles.Agent))).Select(a => a.ManagerId).SingleAsync());
        managerId.ShouldBe(head!.Value);

        // A resident has no plan and cannot ask.
        var (_, resident) = await VolunteerTests.NewResidentAsync(app, "plan");
        (await resident.GetAsync(new Uri("/reserve/agents/plan", UriKind.Relative))).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task The_coordination_unit_records_the_mentor_and_the_return()
    {
        var app = await fixture.AppAsync();
        var coordinator = app.CreateBrowserLikeClient();
        await coordinator.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);
        (await coordinator.GetStringAsync(new Uri("/reserve/agents/reassignments", UriKind.Relative))).ShouldContain("Antoine Agent");
        var id = await fixture.WithDbAsync(db => db.Reassignments.Where(r => r.Status == ReassignmentStatus.Requested).Select(r => r.Id).FirstAsync());

        (await coordinator.PostFormAsync("/reserve/agents/reassignments", [new("mentor", "Julie Roux, infirmière")], $"/reserve/agents/reassignments?id={id}&handler=Mentor"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await fixture.WithDbAsync(db => db.Reassignments.Where(r => r.Id == id).Select(r => r.Mentor).SingleAsync())).ShouldBe("Julie Roux, infirmière");
        var empty = await coordinator.PostFormAsync("/reserve/agents/reassignments", [new("mentor", " ")], $"/reserve/agents/reassignments?id={id}&handler=Mentor");
        (await empty.Content.ReadAsStringAsync()).ShouldContain($"href=\"#mentor-{id}\"");
        var ended = await coordinator.PostFormAsync("/reserve/agents/reassignments", [new("on", "2026-01-01")], $"/reserve/agents/reassignments?id={id}&handler=End");
        ended.StatusCode.ShouldBe(HttpStatusCode.OK); // only an approved reassignment ends
        var quota = await coordinator.PostFormAsync("/reserve/agents/reassignments", [new("OrganisationId", Guid.NewGuid().ToString()), new("Year", "2027"), new("Days", "5")],
            "/reserve/agents/reassignments?handler=Quota");
        (await quota.Content.ReadAsStringAsync()).ShouldContain("href=\"#OrganisationId\"");
    }
}

public sealed class ReassignmentSqliteTests(SqliteApp fixture) : ReassignmentTests(fixture), IClassFixture<SqliteApp>;

public sealed class ReassignmentPostgreSqlTests(PostgreSqlApp fixture) : ReassignmentTests(fixture), IClassFixture<PostgreSqlApp>;
