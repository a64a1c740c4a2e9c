using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.Territory.DemoSeed;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.Reserve;

/// <summary>The coordination unit links partner accounts to the association they post for; once per database.</summary>
public abstract class PostersTests(AppFixture fixture)
{
    private const string Password = "A long enough password";
    private const string NotLinked = "rattaché à aucune organisation";
    private static readonly Guid Grocery = DemoTerritory.IdFor("organisation", "Épicerie solidaire des Tanneurs");

    [SkippableFact]
    public async Task A_coordinator_links_a_new_partner_account_which_then_posts_for_its_association_until_unlinked()
    {
        var app = await fixture.AppAsync();
        var email = await NewAccountAsync(app, Roles.Partner);
        var partner = app.CreateBrowserLikeClient();
        await partner.SignInAsync(email, Password);
        (await partner.GetStringAsync(new Uri("/reserve/missions/edit", UriKind.Relative))).ShouldContain(NotLinked);

        var coordinator = app.CreateBrowserLikeClient();
        await coordinator.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);
        var linked = await coordinator.PostFormAsync("/reserve/posters", [new("Email", email.ToUpperInvariant()), new("OrganisationId", Grocery.ToString())], "/reserve/posters?handler=Link");
        linked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await coordinator.GetStringAsync(new Uri("/reserve/posters", UriKind.Relative))).ShouldContain(email);

        var form = await partner.GetStringAsync(new Uri("/reserve/missions/edit", UriKind.Relative));
        form.ShouldNotContain(NotLinked);
        form.ShouldContain("Épicerie solidaire des Tanneurs");

        var userId = await fixture.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        (await coordinator.PostFormAsync("/reserve/posters", [new("userId", userId)], "/reserve/posters?handler=Unlink")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await partner.GetStringAsync(new Uri("/reserve/missions/edit", UriKind.Relative))).ShouldContain(NotLinked);
        (await fixture.WithDbAsync(db => db.MissionPosters.CountAsync(p => p.UserId == userId))).ShouldBe(0);
    }

    [SkippableFact]
    public async Task Linking_an_unknown_or_non_partner_account_or_no_association_is_refused_on_its_field_and_changes_nothing()
    {
        var app = await fixture.AppAsync();
        var resident = await NewAccountAsync(app, Roles.Resident);
        var coordinator = app.CreateBrowserLikeClient();
        await coordinator.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);
        var before = await fixture.WithDbAsync(db => db.MissionPosters.CountAsync());

        var cases = new (string Email, string? Organisation, string Field, string Message)[]
        {
            ("nobody.here@valbrune.example", Grocery.ToString(), "Email", "Aucun compte n’a cette adresse électronique"),
            (resident, Grocery.ToString(), "Email", "Ce compte n’a pas le rôle partenaire"),
            ("", Grocery.ToString(), "Email", "Indiquez l’adresse électronique du compte partenaire"),
            (Demo.Email(Roles.Partner), null, "OrganisationId", "Choisissez l’association ou le service"),
            (Demo.Email(Roles.Partner), Guid.NewGuid().ToString(), "OrganisationId", "Choisissez l’association ou le service"),
        };
        foreach (var (email, organisation, field, message) in cases)
        {
            var response = await coordinator.PostFormAsync("/reserve/posters", [new("Email", email), new("OrganisationId", organisation ?? "")], "/reserve/posters?handler=Link");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var html = await response.Content.ReadAsStringAsync();
            html.ShouldContain(message);
            html.ShouldContain($"href=\"#{field}\"");
        }

        (await fixture.WithDbAsync(db => db.MissionPosters.CountAsync())).ShouldBe(before);
    }

    private static async Task<string> NewAccountAsync(ReflexesAppFactory app, string role)
    {
        var email = $"compte.{Guid.NewGuid():N}@valbrune.example";
        using var scope = app.Services.CreateScope();
        var (_, errors) = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(email, "Camille Essai", Password, [role], CancellationToken.None);
        errors.ShouldBeEmpty();
        return email;
    }
}

public sealed class PostersSqliteTests(SqliteApp fixture) : PostersTests(fixture), IClassFixture<SqliteApp>;

public sealed class PostersPostgreSqlTests(PostgreSqlApp fixture) : PostersTests(fixture), IClassFixture<PostgreSqlApp>;
