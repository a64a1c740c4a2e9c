using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.DataTrust.Audit;
using Reflexes.Web.Modules.DataTrust.Consents;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.DataTrust.Domain;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.DataTrust;

/// <summary>Deadlines of a rights request, on their own.</summary>
public sealed class RightsRequestRulesTests
{
    private static readonly DateTime Received = new(2026, 1, 31, 15, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void An_answer_is_due_one_month_after_receipt_and_may_be_extended_once_by_at_most_two_months_with_reasons()
    {
        var request = RightsRequest.File(Guid.NewGuid(), RightKind.Erasure, "", ConsentChannel.Phone, "agent-1", Received);
        request.Deadline.ShouldBe(new DateOnly(2026, 2, 28));
        request.IsOverdue(new DateOnly(2026, 2, 28)).ShouldBeFalse();
        request.IsOverdue(new DateOnly(2026, 3, 1)).ShouldBeTrue();

        Should.Throw<ArgumentOutOfRangeException>(() => request.Extend(3, "Trop de dossiers.", "dpo"));
        Should.Throw<ArgumentException>(() => request.Extend(2, " ", "dpo"));
        request.Extend(2, "Données réparties entre plusieurs services.", "dpo");
        Should.Throw<InvalidOperationException>(() => request.Extend(1, "Encore.", "dpo"));

        request.Deadline.ShouldBe(new DateOnly(2026, 4, 28));
        request.IsOverdue(new DateOnly(2026, 3, 1)).ShouldBeFalse();
        request.Complete("Vos données sont effacées.", null, "dpo", Received.AddDays(40));
        request.IsOverdue(new DateOnly(2026, 5, 1)).ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => request.Refuse("Non.", "dpo", Received.AddDays(41)));
    }
}

/// <summary>Access, portability and erasure through the real pipeline, once per database.</summary>
public abstract class RightsFlowTests(AppFixture fixture)
{
    [SkippableFact]
    public async Task A_person_sees_everything_held_about_them_and_who_read_it_and_downloads_it()
    {
        var app = await fixture.AppAsync();
        var (email, client) = await NewResidentAsync(app, "portabilite");
        await client.PostFormAsync("/my-data", [new("purpose", "civic-reserve-matching")], "/my-data?handler=Give");
        await ReadAsAgentAsync(app, email, "civic-reserve-matching");

        var page = await client.GetStringAsync(new Uri("/my-data/portfolio", UriKind.Relative));
        page.ShouldContain(email);
        page.ShouldContain("civic-reserve-matching");
        page.ShouldContain("reserve.volunteer-profile");
        page.ShouldContain("Antoine Agent");

        var json = await client.GetAsync(new Uri("/my-data/portfolio/json", UriKind.Relative));
        json.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using var document = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        var sections = document.RootElement.GetProperty("sections").EnumerateArray().ToList();
        sections.Select(s => s.GetProperty("source").GetString()).ShouldBe(
            ["Votre compte", "Vos consentements", "Consultations de vos données", "Votre inscription au registre des personnes fragiles", "Les orientations vous concernant et leur suivi", "Les appels de prévenance qui vous ont été passés", "Votre inscription à la réserve civique", "Vos mises à disposition dans la réserve civique", "Réserve civique : offres d’aide", "Réserve civique : missions proposées et confirmées"]);
        var trail = sections[2].GetProperty("items").EnumerateArray()
            .Select(i => (Action: i.GetProperty("label").GetString(), Who: i.GetProperty("fields").GetProperty("who").GetString())).ToList();
        trail.ShouldContain(("reserve.volunteer-profile", "Antoine Agent"));
        trail.ShouldContain(("rights.access", "Habitante portabilite"));
        document.RootElement.GetProperty("purposes").GetArrayLength().ShouldBeGreaterThanOrEqualTo(4);
    }

    [SkippableFact]
    public async Task An_erasure_is_tracked_to_its_deadline_and_erases_the_account_while_saying_what_is_kept_and_why()
    {
        var app = await fixture.AppAsync();
        var (email, client) = await NewResidentAsync(app, "effacement");
        await client.PostFormAsync("/my-data", [new("purpose", "heatwave-register")], "/my-data?handler=Give");
        await ReadAsAgentAsync(app, email, "heatwave-register");

        var missing = await client.PostFormAsync("/my-data/requests", [new("Kind", "Rectification"), new("Details", "")]);
        missing.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("href=\"#Details\"");
        var filed = await client.PostFormAsync("/my-data/requests", [new("Kind", "Erasure"), new("Details", "")]);
        filed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var request = await fixture.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            var subject = await db.DataSubjects.SingleAsync(s => s.UserId == user.Id);
            return await db.RightsRequests.SingleAsync(r => r.SubjectId == subject.Id);
        });
        request.Kind.ShouldBe(RightKind.Erasure);
        request.DueOn.ShouldBe(DateOnly.FromDateTime(request.ReceivedAtUtc).AddMonths(1));

        var dpo = app.CreateBrowserLikeClient();
        await dpo.SignInAsync(Demo.Email(Roles.DataProtectionOfficer), Demo.Password);
        (await dpo.GetStringAsync(new Uri("/data-trust/rights", UriKind.Relative))).ShouldContain("/data-trust/rights/" + request.Id);
        var path = "/data-trust/rights/" + request.Id;
        (await dpo.PostFormAsync(path, [new("Text", "Plusieurs services détiennent des données."), new("Months", "2")], path + "?handler=Extend")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await dpo.PostFormAsync(path, [new("Text", "Encore."), new("Months", "1")], path + "?handler=Extend")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var erased = await dpo.PostFormAsync(path, [], path + "?handler=Erase");
        erased.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var done = await fixture.WithDbAsync(db => db.RightsRequests.AsNoTracking().SingleAsync(r => r.Id == request.Id));
        done.Status.ShouldBe(RightsRequestStatus.Completed);
        done.ExtendedUntil.ShouldBe(request.DueOn.AddMonths(2));
        done.ErasureReport!.ShouldContain("Erased: 1 item(s).");
        done.ErasureReport!.ShouldContain("consent record(s)");
        done.ErasureReport!.ShouldContain("audit entr");
        (await fixture.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email))).ShouldBeFalse();
        (await fixture.WithDbAsync(async db => await (await db.IntegratedAuditAsync()).AnyAsync(e => e.Action == "rights.erasure"))).ShouldBeTrue();
    }

    private static async Task<(string Email, HttpClient Client)> NewResidentAsync(ReflexesAppFactory app, string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}"[..24] + "@valbrune.example";
        using (var scope = app.Services.CreateScope())
        {
            var (user, errors) = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                .CreateAsync(email, "Habitante " + name, Demo.Password, [Roles.Resident], default);
            errors.ShouldBeEmpty();
            user.ShouldNotBeNull();
        }

        var client = app.CreateBrowserLikeClient();
        (await client.SignInAsync(email, Demo.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (email, client);
    }

    private static async Task ReadAsAgentAsync(ReflexesAppFactory app, string residentEmail, string purpose)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<Reflexes.Web.Platform.Data.ReflexesDbContext>();
        var resident = await db.Users.SingleAsync(u => u.Email == residentEmail);
        var agent = await db.Users.SingleAsync(u => u.Email == Demo.Email(Roles.Agent));
        var subject = await services.GetRequiredService<ConsentLedger>().SubjectOfUserAsync(resident.Id, default);
        var reader = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, agent.Id)], "test"));
        var decision = await services.GetRequiredService<PersonalDataAccess>()
            .AuthoriseAsync(new AccessRequest(subject.Id, purpose, "reserve.volunteer-profile", "volunteer/1"), reader, default);
        decision.Allowed.ShouldBeTrue();
    }
}

public sealed class RightsFlowSqliteTests(SqliteApp fixture) : RightsFlowTests(fixture), IClassFixture<SqliteApp>;

public sealed class RightsFlowPostgreSqlTests(PostgreSqlApp fixture) : RightsFlowTests(fixture), IClassFixture<PostgreSqlApp>;
