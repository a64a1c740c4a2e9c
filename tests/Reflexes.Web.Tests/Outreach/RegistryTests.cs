using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.DataTrust.Audit;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.Outreach;

/// <summary>The register of fragile residents, read only through the access service, once per database.</summary>
public abstract class RegistryTests(AppFixture fixture)
{
    [SkippableFact]
    public async Task An_agent_registers_a_person_by_phone_with_their_daughter_and_bad_details_change_nothing()
    {
        var app = await fixture.AppAsync();
        var agent = app.CreateBrowserLikeClient();
        await agent.SignInAsync(Demo.Email(Roles.Agent), Demo.Password);
        var before = await fixture.WithDbAsync(db => db.Registrants.CountAsync());

        var bad = await agent.PostFormAsync("/outreach/registry/register", (Form("Jeanne", "Lefort") with { BirthDate = "2001-02-03", Phone = "abc" }).Fields());
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = await bad.Content.ReadAsStringAsync();
        errors.ShouldContain("href=\"#Ground\"");
        errors.ShouldContain("href=\"#Phone\"");
        (await fixture.WithDbAsync(db => db.Registrants.CountAsync())).ShouldBe(before);

        var ok = await agent.PostFormAsync("/outreach/registry/register", Form("Jeanne", "Lefort").Fields());
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var details = await agent.GetStringAsync(new Uri(ok.Headers.Location!.OriginalString, UriKind.Relative));
        details.ShouldContain("Jeanne Lefort");
        details.ShouldContain("04 78 12 34 56");
        (await agent.GetStringAsync(new Uri("/outreach/registry", UriKind.Relative))).ShouldContain("Lefort Jeanne");
        var logs = string.Join('\n', app.Logs.Lines);
        app.Logs.Lines.ShouldNotBeEmpty();
        logs.ShouldNotContain("Lefort");
        logs.ShouldNotContain("04 78 12 34 56");
        logs.ShouldNotContain("rue des Tanneurs");

        var consent = await fixture.WithDbAsync(async db =>
        {
            var subject = await db.Registrants.Where(r => r.LastName == "Lefort").Select(r => r.SubjectId).ToListAsync();
            return await db.ConsentRecords.Where(c => subject.Contains(c.SubjectId) && c.OnBehalfOf == "sa fille, Claire Lefort").CountAsync();
        });
        consent.ShouldBe(1);
    }

    [SkippableFact]
    public async Task A_withdrawn_registration_disappears_from_the_list_and_reading_it_is_refused_and_recorded()
    {
        var app = await fixture.AppAsync();
        var agent = app.CreateBrowserLikeClient();
        await agent.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);
        var path = (await agent.PostFormAsync("/outreach/registry/register", Form("Marcel", "Vidal").Fields())).Headers.Location!.OriginalString;

        var withdrawn = await agent.PostFormAsync(path, [new("Channel", "Phone"), new("OnBehalfOf", "")], path + "?handler=Withdraw");
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await agent.GetStringAsync(new Uri("/outreach/registry", UriKind.Relative))).ShouldNotContain("Vidal");
        var read = await agent.GetAsync(new Uri(path, UriKind.Relative));
        read.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await read.Content.ReadAsStringAsync()).ShouldNotContain("Marcel");
        var registrantId = path.Split('/').Last();
        var denied = await fixture.WithDbAsync(async db => await (await db.IntegratedAuditAsync())
            .Where(e => e.Record!.EndsWith("/registrant/" + registrantId) && e.Result == "Denied").CountAsync());
        denied.ShouldBe(1);
    }

    [SkippableFact]
    public async Task Loading_a_registration_without_the_access_service_fails_and_with_its_permission_works()
    {
        var app = await fixture.AppAsync();
        var agent = app.CreateBrowserLikeClient();
        await agent.SignInAsync(Demo.Email(Roles.Orientator), Demo.Password);
        var path = (await agent.PostFormAsync("/outreach/registry/register", Form("Odette", "Marin").Fields())).Headers.Location!.OriginalString;
        var id = Guid.Parse(path.Split('/').Last());

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ReflexesDbContext>();
        await Should.ThrowAsync<PersonalDataAccessException>(() => db.Registrants.FirstAsync(r => r.Id == id));

        var subjectId = await db.Registrants.Where(r => r.Id == id).Select(r => r.SubjectId).SingleAsync();
        var reader = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "orientator")], "test"));
        var decision = await scope.ServiceProvider.GetRequiredService<PersonalDataAccess>()
            .AuthoriseAsync(new AccessRequest(subjectId, "heatwave-register", "outreach.call-sheet", "registrant/" + id), reader, default);
        decision.Allowed.ShouldBeTrue();
        (await db.Registrants.FirstAsync(r => r.Id == id)).LastName.ShouldBe("Marin");
    }

    private static RegistrationForm Form(string first, string last) => new(first, last, "1938-05-14", "12 rue des Tanneurs", "04 78 12 34 56",
        "Age65Plus", "Relative", "sa fille, Claire Lefort", "Phone", "heatwave-register");

    private sealed record RegistrationForm(string FirstName, string LastName, string BirthDate, string Address, string Phone,
        string Ground, string RegisteredBy, string OnBehalfOf, string Channel, string Purpose)
    {
        public KeyValuePair<string, string>[] Fields() =>
        [
            new("FirstName", FirstName), new("LastName", LastName), new("BirthDate", BirthDate), new("Address", Address),
            new("Phone", Phone), new("Ground", Ground), new("RegisteredBy", RegisteredBy), new("OnBehalfOf", OnBehalfOf),
            new("Channel", Channel), new("Purposes", Purpose),
        ];
    }
}

public sealed class RegistrySqliteTests(SqliteApp fixture) : RegistryTests(fixture), IClassFixture<SqliteApp>;

public sealed class RegistryPostgreSqlTests(PostgreSqlApp fixture) : RegistryTests(fixture), IClassFixture<PostgreSqlApp>;

/// <summary>Rights of a person without an account, exercised through an agent, once per database.</summary>
public abstract class RegistryRightsTests(AppFixture fixture)
{
    [SkippableFact]
    public async Task An_agent_corrects_a_registration_and_files_an_erasure_after_checking_identity_which_the_officer_exports_and_carries_out()
    {
        var app = await fixture.AppAsync();
        var agent = app.CreateBrowserLikeClient();
        await agent.SignInAsync(Demo.Email(Roles.Agent), Demo.Password);
        var path = (await agent.PostFormAsync("/outreach/registry/register",
        [
            new("FirstName", "Lucien"), new("LastName", "Ferrand"), new("BirthDate", "1940-10-01"), new("Address", "3 quai du Port"),
            new("Phone", "04 78 55 66 77"), new("Ground", "Age65Plus"), new("RegisteredBy", "Self"), new("Channel", "Phone"),
            new("Purposes", "heatwave-register"),
        ])).Headers.Location!.OriginalString;

        var corrected = await agent.PostFormAsync(path + "/correct",
        [
            new("FirstName", "Lucien"), new("LastName", "Ferrand"), new("BirthDate", "1940-10-01"), new("Address", "3 quai du Port"),
            new("Phone", "04 78 99 88 77"), new("Ground", "Age65Plus"),
        ]);
        corrected.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await agent.GetStringAsync(new Uri(path, UriKind.Relative))).ShouldContain("04 78 99 88 77");

        var withoutCheck = await agent.PostFormAsync(path, [new("Right", "Erasure"), new("Channel", "Phone")], path + "?handler=Rights");
        withoutCheck.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await withoutCheck.Content.ReadAsStringAsync()).ShouldContain("href=\"#IdentityChecked\"");
        var filed = await agent.PostFormAsync(path, [new("Right", "Erasure"), new("Channel", "Phone"), new("IdentityChecked", "true")], path + "?handler=Rights");
        filed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var request = await fixture.WithDbAsync(async db =>
        {
            var subject = await db.Registrants.Where(r => r.LastName == "Ferrand").Select(r => r.SubjectId).SingleAsync();
            return await db.RightsRequests.SingleAsync(r => r.SubjectId == subject);
        });
        request.Channel.ShouldBe(ConsentChannel.Phone);
        request.Details.ShouldStartWith(RightsIntake.IdentityCheckedMarker);

        var dpo = app.CreateBrowserLikeClient();
        await dpo.SignInAsync(Demo.Email(Roles.DataProtectionOfficer), Demo.Password);
        var export = await dpo.GetStringAsync(new Uri($"/data-trust/rights/{request.Id}/export", UriKind.Relative));
        export.ShouldContain("Ferrand");
        export.ShouldContain("04 78 99 88 77");
        (await agent.GetAsync(new Uri($"/data-trust/rights/{request.Id}/export", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var erase = await dpo.PostFormAsync($"/data-trust/rights/{request.Id}", [], $"/data-trust/rights/{request.Id}?handler=Erase");
        erase.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await fixture.WithDbAsync(db => db.Registrants.CountAsync(r => r.LastName == "Ferrand"))).ShouldBe(0);
        (await fixture.WithDbAsync(db => db.RightsRequests.SingleAsync(r => r.Id == request.Id))).ErasureReport!.ShouldContain("Erased: 1 item(s).");
    }
}

public sealed class RegistryRightsSqliteTests(SqliteApp fixture) : RegistryRightsTests(fixture), IClassFixture<SqliteApp>;

public sealed class RegistryRightsPostgreSqlTests(PostgreSqlApp fixture) : RegistryRightsTests(fixture), IClassFixture<PostgreSqlApp>;
