using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.Territory.DemoSeed;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.Security;

/// <summary>Behaviour that needs its own app configuration: rate limits, Production, failures, logs.</summary>
public sealed class HardeningTests
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_rate_limit_are_refused_with_429()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var app = new ReflexesAppFactory(database, new Dictionary<string, string?> { ["Security:SignInPermitsPerMinute"] = "3" });
        var client = app.CreateBrowserLikeClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.SignInAsync("nobody@valbrune.example", "wrong password")).StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
    }

    [Fact]
    public async Task A_failure_inside_a_page_shows_a_friendly_page_without_any_stack_trace()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var app = new ReflexesAppFactory(database);
        var client = app.CreateBrowserLikeClient();
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReflexesDbContext>().Database.ExecuteSqlRawAsync("DROP TABLE \"TerritoryProfiles\"");
        }

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Une erreur est survenue");
        html.ShouldNotContain("Exception");
        html.ShouldNotContain("TerritoryProfiles");
        html.ShouldNotContain(".cs:line");
    }

    [Fact]
    public async Task Readiness_reports_an_unreachable_database_while_liveness_stays_up()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var app = new ReflexesAppFactory(database);
        var client = app.CreateBrowserLikeClient();
        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A directory where the database file should be: SQLite cannot open it.
        File.Delete(database.SqlitePath!);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.CreateDirectory(database.SqlitePath!);

        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task In_production_http_is_redirected_to_https_and_the_demo_is_neither_seeded_nor_usable()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var app = new ReflexesAppFactory(database, new Dictionary<string, string?> { ["Security:RequireHttps"] = null }, environment: "Production");
        var client = app.CreateBrowserLikeClient();

        var http = await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative));
        http.StatusCode.ShouldBe(HttpStatusCode.TemporaryRedirect);
        http.Headers.Location!.Scheme.ShouldBe("https");
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReflexesDbContext>();
            (await db.TerritoryProfiles.AnyAsync()).ShouldBeFalse();
            (await db.Users.AnyAsync()).ShouldBeFalse();

            // A demo account that reached a production database anyway (copied data) is refused at sign-in.
            var (user, _) = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                .CreateAsync(Demo.Admin, "Demo", Demo.Password, [Roles.Administrator], CancellationToken.None);
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ReflexesUser>>();
            await users.AddClaimAsync(user!, new System.Security.Claims.Claim(DemoTerritory.DemoClaim, "true"));
        }

        var https = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://reflexes.example.org"), // HSTS is never sent to localhost
            AllowAutoRedirect = false,
        });
        var page = await https.GetAsync(new Uri("/account/sign-in", UriKind.Relative));
        page.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=");
        var refused = await https.SignInAsync(Demo.Admin, Demo.Password);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Les comptes de démonstration sont refusés en production.");
    }

    [Fact]
    public async Task Logs_never_contain_the_names_or_addresses_of_the_people_involved()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var app = new ReflexesAppFactory(database);
        var admin = app.CreateBrowserLikeClient();
        await admin.SignInAsync(Demo.Admin, Demo.Password);
        await app.CreateBrowserLikeClient().SignInAsync(Demo.Admin, "a wrong password here");
        const string invited = "zoe.confidentielle@valbrune.example";
        await admin.PostFormAsync("/admin/invitations", [new("Email", invited), new("DisplayName", "Zoé Confidentielle"), new("SelectedRoles", Roles.Agent)]);
        var path = Mail.InvitationPath(await Mail.LastMessageToAsync(app.MailFolder, invited));
        await app.CreateBrowserLikeClient().PostFormAsync(path, [new("Password", "une phrase de passe solide"), new("Confirm", "une phrase de passe solide")]);

        app.Logs.Lines.ShouldNotBeEmpty();
        var all = string.Join('\n', app.Logs.Lines);
        all.ShouldNotContain(invited, Case.Insensitive);
        all.ShouldNotContain("Confidentielle", Case.Insensitive);
        all.ShouldNotContain(Demo.Admin, Case.Insensitive);
        all.ShouldNotContain(path[(path.LastIndexOf('/') + 1)..]);
    }
}
