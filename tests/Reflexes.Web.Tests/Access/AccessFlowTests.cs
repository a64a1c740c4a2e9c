using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.Access;

/// <summary>Sign-in, invitations, roles and two-factor through the real HTTP pipeline, once per database.</summary>
public abstract partial class AccessFlowTests(AppFixture fixture)
{
    [SkippableFact]
    public async Task The_demo_administrator_signs_in_and_reaches_the_account_list()
    {
        var app = await fixture.AppAsync();
        var client = app.CreateBrowserLikeClient();

        var response = await client.SignInAsync(Demo.Admin, Demo.Password);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
        var page = await client.GetStringAsync(new Uri("/admin/users", UriKind.Relative));
        page.ShouldContain(Demo.Email(Roles.Coordinator));
    }

    [SkippableFact]
    public async Task A_wrong_password_is_refused_and_five_failures_lock_the_account()
    {
        var app = await fixture.AppAsync();
        await CreateUserAsync(app, "lock.me@valbrune.example", "A long enough password", Roles.Agent);
        var client = app.CreateBrowserLikeClient();

        for (var i = 0; i < 5; i++)
        {
            var failed = await client.SignInAsync("lock.me@valbrune.example", "wrong password " + i);
            failed.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await failed.Content.ReadAsStringAsync()).ShouldContain("role=\"alert\"");
        }

        var locked = await client.SignInAsync("lock.me@valbrune.example", "A long enough password");
        locked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await locked.Content.ReadAsStringAsync()).ShouldContain("verrouillé");
    }

    [SkippableFact]
    public async Task An_invitation_link_creates_an_account_with_the_invited_roles_and_works_only_once()
    {
        var app = await fixture.AppAsync();
        var admin = app.CreateBrowserLikeClient();
        await admin.SignInAsync(Demo.Admin, Demo.Password);
        var email = $"invited.{Guid.NewGuid():N}@valbrune.example";

        var sent = await admin.PostFormAsync("/admin/invitations",
            [new("Email", email), new("DisplayName", "Inès Invitée"), new("SelectedRoles", Roles.Orientator), new("SelectedRoles", Roles.Agent)]);
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var path = Mail.InvitationPath(await Mail.LastMessageToAsync(app.MailFolder, email));
        var newcomer = app.CreateBrowserLikeClient();
        (await newcomer.GetStringAsync(new Uri(path, UriKind.Relative))).ShouldContain("Inès Invitée");
        var accepted = await newcomer.PostFormAsync(path, [new("Password", "une phrase de passe solide"), new("Confirm", "une phrase de passe solide")]);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var account = await newcomer.GetStringAsync(new Uri("/account", UriKind.Relative));
        account.ShouldContain(email);
        account.ShouldContain("Orientation");
        account.ShouldContain("Agent");
        (await newcomer.GetAsync(new Uri("/territory", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var again = await app.CreateBrowserLikeClient().GetAsync(new Uri(path, UriKind.Relative));
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await again.Content.ReadAsStringAsync()).ShouldContain("a déjà servi");
    }

    [SkippableFact]
    public async Task An_expired_or_revoked_invitation_is_refused()
    {
        var app = await fixture.AppAsync();
        var (expired, expiredToken) = Invitation.Create("late@valbrune.example", "Late", [Roles.Agent], "admin", DateTime.UtcNow.AddDays(-8), Invitation.DefaultLifetime);
        var (revoked, revokedToken) = Invitation.Create("revoked@valbrune.example", "Revoked", [Roles.Agent], "admin", DateTime.UtcNow, Invitation.DefaultLifetime);
        revoked.Revoke(DateTime.UtcNow);
        await fixture.WithDbAsync(async db =>
        {
            db.Invitations.AddRange(expired, revoked);
            return await db.SaveChangesAsync();
        });
        var client = app.CreateBrowserLikeClient();

        foreach (var token in new[] { expiredToken, revokedToken })
        {
            (await client.GetAsync(new Uri("/account/invitation/" + token, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            var post = await client.PostFormAsync("/account/sign-in", [new("Password", "une phrase de passe solide"), new("Confirm", "une phrase de passe solide")], "/account/invitation/" + token);
            (await post.Content.ReadAsStringAsync()).ShouldContain("a déjà servi");
        }

        (await fixture.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "late@valbrune.example" || u.Email == "revoked@valbrune.example"))).ShouldBeFalse();
    }

    [SkippableFact]
    public async Task An_administrator_grants_and_removes_roles_but_never_the_last_administrator_role()
    {
        var app = await fixture.AppAsync();
        var user = await CreateUserAsync(app, $"roles.{Guid.NewGuid():N}@valbrune.example", "A long enough password", Roles.Resident);
        var admin = app.CreateBrowserLikeClient();
        await admin.SignInAsync(Demo.Admin, Demo.Password);

        var saved = await admin.PostFormAsync($"/admin/users/{user.Id}", [new("SelectedRoles", Roles.Coordinator), new("SelectedRoles", Roles.Partner)], $"/admin/users/{user.Id}?handler=Roles");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var roles = await fixture.WithDbAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).ToListAsync());
        roles.Order().ShouldBe([Roles.Coordinator, Roles.Partner]);

        var adminId = await fixture.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Admin).Select(u => u.Id).SingleAsync());
        var refused = await admin.PostFormAsync($"/admin/users/{adminId}", [new("SelectedRoles", Roles.Coordinator)], $"/admin/users/{adminId}?handler=Roles");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("au moins un compte d’administration");
    }

    [SkippableFact]
    public async Task A_role_that_requires_two_factor_forces_enrolment_and_then_asks_for_the_code_at_sign_in()
    {
        var app = await fixture.AppAsync();
        var email = $"mfa.{Guid.NewGuid():N}@valbrune.example";
        await CreateUserAsync(app, email, "A long enough password", Roles.DataProtectionOfficer);
        var admin = app.CreateBrowserLikeClient();
        await admin.SignInAsync(Demo.Admin, Demo.Password);
        (await admin.PostFormAsync("/admin/roles", [new("Required", Roles.DataProtectionOfficer)])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        try
        {
            var person = app.CreateBrowserLikeClient();
            (await person.SignInAsync(email, "A long enough password")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var blocked = await person.GetAsync(new Uri("/territory", UriKind.Relative));
            blocked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            blocked.Headers.Location!.OriginalString.ShouldBe("/account/two-factor?required=1");

            var setup = await person.GetStringAsync(new Uri("/account/two-factor?required=1", UriKind.Relative));
            var key = SecretPattern().Match(setup).Groups[1].Value;
            key.ShouldNotBeNullOrEmpty();
            var wrong = await person.PostFormAsync("/account/two-factor", [new("Code", "000000")], "/account/two-factor?handler=Enable");
            (await wrong.Content.ReadAsStringAsync()).ShouldContain("Ce code n’est pas valide");
            var enabled = await person.PostFormAsync("/account/two-factor", [new("Code", Totp.Code(key, DateTimeOffset.UtcNow))], "/account/two-factor?handler=Enable");
            (await enabled.Content.ReadAsStringAsync()).ShouldContain("Codes de secours");
            (await person.GetAsync(new Uri("/territory", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

            var later = app.CreateBrowserLikeClient();
            var first = await later.SignInAsync(email, "A long enough password");
            first.Headers.Location!.OriginalString.ShouldStartWith("/account/sign-in/two-factor");
            (await later.GetAsync(new Uri("/territory", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var second = await later.PostFormAsync(first.Headers.Location.OriginalString, [new("Code", Totp.Code(key, DateTimeOffset.UtcNow))]);
            second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await later.GetAsync(new Uri("/territory", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await admin.PostFormAsync("/admin/roles", []);
        }

    }

    private static async Task<ReflexesUser> CreateUserAsync(ReflexesAppFactory app, string email, string password, params string[] roles)
    {
        using var scope = app.Services.CreateScope();
        var (user, errors) = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(email, email, password, roles, CancellationToken.None);
        errors.ShouldBeEmpty();
        return user!;
    }

    [GeneratedRegex("<code class=\"secret\">([a-z0-9 ]+)</code>")]
    private static partial Regex SecretPattern();
}

public sealed class AccessFlowTests_OnSqlite(SqliteApp fixture) : AccessFlowTests(fixture), IClassFixture<SqliteApp>;

public sealed class AccessFlowTests_OnPostgreSql(PostgreSqlApp fixture) : AccessFlowTests(fixture), IClassFixture<PostgreSqlApp>;
