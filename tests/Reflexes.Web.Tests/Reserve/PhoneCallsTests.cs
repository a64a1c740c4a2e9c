using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Tests.Fixtures;

using static Reflexes.Web.Tests.Reserve.ReserveDates;

namespace Reflexes.Web.Tests.Reserve;

/// <summary>Volunteers without an account are called by the coordination unit, which records their answer (docs/adr/0327); once per database.</summary>
public abstract class PhoneCallsTests(AppFixture fixture)
{
    [SkippableFact]
    public async Task After_publishing_the_coordinator_calls_volunteers_without_an_account_and_records_their_answers()
    {
        var app = await fixture.AppAsync();
        var coordinator = app.CreateBrowserLikeClient();
        await coordinator.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);
        var board = "/reserve/planning?week=" + Iso(NextMonday);
        var calls = "/reserve/planning/calls?week=" + Iso(NextMonday);
        (await coordinator.GetStringAsync(new Uri(calls, UriKind.Relative))).ShouldContain("Personne à appeler cette semaine");

        (await coordinator.PostFormAsync(board, [], board + "&handler=Run")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await coordinator.PostFormAsync(board, [], board + "&handler=Publish")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var waiting = await fixture.WithDbAsync(db => db.VolunteerAssignments
            .Where(a => a.Status == AssignmentStatus.Published && a.UserId == null)
            .Join(db.Volunteers, a => a.VolunteerId, v => v.Id, (a, v) => new { a.Id, v.FirstName, v.LastName, v.Phone })
            .ToListAsync());
        waiting.Count.ShouldBeGreaterThanOrEqualTo(2);

        // The board links to the list; the list names each person with their number and what to tell them.
        (await coordinator.GetStringAsync(new Uri(board, UriKind.Relative))).ShouldContain("À appeler (" + waiting.Count + ")");
        var page = await coordinator.GetStringAsync(new Uri(calls, UriKind.Relative));
        foreach (var w in waiting)
        {
            page.ShouldContain(w.FirstName + " " + w.LastName);
        }

        page.ShouldContain(waiting.First(w => w.Phone is not null).Phone!);
        page.ShouldContain("Nous vous proposons la mission");

        var (yes, no) = (waiting[0], waiting[1]);
        (await coordinator.PostFormAsync(calls, [new("assignment", yes.Id.ToString()), new("answer", "accept")], calls + "&handler=Answer"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await coordinator.PostFormAsync(calls, [new("assignment", no.Id.ToString()), new("answer", "decline")], calls + "&handler=Answer"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StatusAsync(yes.Id)).ShouldBe(AssignmentStatus.Accepted);
        (await StatusAsync(no.Id)).ShouldBe(AssignmentStatus.Declined);
        (await coordinator.GetStringAsync(new Uri("/notifications", UriKind.Relative))).ShouldContain("s’est désisté");
        var after = await coordinator.GetStringAsync(new Uri(calls, UriKind.Relative));
        after.ShouldNotContain("value=\"" + yes.Id + "\"");
        after.ShouldNotContain("value=\"" + no.Id + "\"");

        // Accepting twice, an unknown answer, or an assignment of someone with an account cannot be recorded here.
        var again = await coordinator.PostFormAsync(calls, [new("assignment", yes.Id.ToString()), new("answer", "accept")], calls + "&handler=Answer");
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync()).ShouldContain("Cette proposition n’attend plus de réponse.");
        (await StatusAsync(yes.Id)).ShouldBe(AssignmentStatus.Accepted);
        var third = waiting.Count > 2 ? waiting[2].Id : Guid.NewGuid();
        (await coordinator.PostFormAsync(calls, [new("assignment", third.ToString()), new("answer", "maybe")], calls + "&handler=Answer")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var withAccount = await fixture.WithDbAsync(db => db.VolunteerAssignments.Where(a => a.UserId != null && a.Status == AssignmentStatus.Published).Select(a => (Guid?)a.Id).FirstOrDefaultAsync());
        if (withAccount is { } own)
        {
            (await coordinator.PostFormAsync(calls, [new("assignment", own.ToString()), new("answer", "accept")], calls + "&handler=Answer")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await StatusAsync(own)).ShouldBe(AssignmentStatus.Published);
        }
    }

    [SkippableFact]
    public async Task A_coordinator_can_read_out_a_phone_volunteers_sign_up_summary_and_a_partner_cannot()
    {
        var app = await fixture.AppAsync();
        var person = await fixture.WithDbAsync(db => db.Volunteers.Where(v => v.UserId == null && v.Phone != null && v.Kind == VolunteerKind.Resident)
            .Select(v => new { v.Id, v.FirstName, v.LastName, v.Phone }).FirstAsync());
        var coordinator = app.CreateBrowserLikeClient();
        await coordinator.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);
        (await coordinator.GetStringAsync(new Uri("/reserve/volunteers/" + person.Id, UriKind.Relative))).ShouldContain("/reserve/volunteers/" + person.Id + "/summary");
        var summary = await coordinator.GetStringAsync(new Uri("/reserve/volunteers/" + person.Id + "/summary", UriKind.Relative));
        summary.ShouldContain(person.FirstName + " " + person.LastName);
        summary.ShouldContain(person.Phone!);
        summary.ShouldContain("la coordination vous appellera pour chaque mission proposée");

        var partner = app.CreateBrowserLikeClient();
        await partner.SignInAsync(Demo.Email(Roles.Partner), Demo.Password);
        MissionsTests.Refused(await partner.GetAsync(new Uri("/reserve/volunteers/" + person.Id + "/summary", UriKind.Relative))).ShouldBeTrue();
    }

    private Task<AssignmentStatus> StatusAsync(Guid id) => fixture.WithDbAsync(db => db.VolunteerAssignments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());
}

public sealed class PhoneCallsTests_OnSqlite(SqliteApp fixture) : PhoneCallsTests(fixture), IClassFixture<SqliteApp>;

public sealed class PhoneCallsTests_OnPostgreSql(PostgreSqlApp fixture) : PhoneCallsTests(fixture), IClassFixture<PostgreSqlApp>;
