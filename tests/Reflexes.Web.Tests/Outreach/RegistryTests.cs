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
        var denied = await fixture.WithDbAsync(db => db.Set<AuditEntry>()
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
