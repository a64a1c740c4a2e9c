using Microsoft.Playwright;
using Reflexes.Testing;

namespace Reflexes.Browser.Tests;

/// <summary>Signing in and inviting a colleague, as people do it in a real browser.</summary>
[Collection(BrowserTests.Name)]
public sealed class AccessJourneyTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task An_administrator_signs_in_and_reaches_the_administration_pages()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/account/sign-in");
        await page.ShouldHaveNoSeriousViolationsAsync();
        await page.SignInAsync("admin@valbrune.example");

        (await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).IsVisibleAsync()).ShouldBeTrue();
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" });
        await nav.GetByRole(AriaRole.Link, new() { Name = "Administration" }).ClickAsync();
        var area = page.GetByRole(AriaRole.Navigation, new() { Name = "Administration" });
        (await area.GetByRole(AriaRole.Link, new() { Name = "Comptes" }).IsVisibleAsync()).ShouldBeTrue();
        await page.ShouldHaveNoSeriousViolationsAsync();
    }

    [SkippableFact]
    public async Task A_wrong_password_is_refused_with_a_message_and_no_session()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.SignInAsync("admin@valbrune.example", "not-the-password");

        page.Url.ShouldContain("/account/sign-in");
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
        (await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).CountAsync()).ShouldBe(0);
        await page.ShouldHaveNoSeriousViolationsAsync();
    }

    [SkippableFact]
    public async Task An_invited_colleague_follows_the_link_once_chooses_a_password_and_holds_the_roles_given()
    {
        await using var adminContext = await fixture.NewContextAsync();
        var admin = await adminContext.NewPageAsync();
        await admin.SignInAsync("admin@valbrune.example");
        await admin.GotoAsync("/admin/invitations");
        await admin.ShouldHaveNoSeriousViolationsAsync();

        await admin.GetByLabel("Adresse électronique").FillAsync("nadia.invitee@valbrune.example");
        await admin.GetByLabel("Nom").FillAsync("Nadia Invitée");
        await admin.GetByLabel("Orientation", new() { Exact = true }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Envoyer l’invitation" }).ClickAsync();
        (await admin.Locator("table").InnerTextAsync()).ShouldContain("nadia.invitee@valbrune.example");

        var message = await Mail.LastMessageToAsync(fixture.App!.MailFolder, "nadia.invitee@valbrune.example");
        var link = Mail.InvitationPath(message);

        await using var inviteeContext = await fixture.NewContextAsync();
        var invitee = await inviteeContext.NewPageAsync();
        await invitee.GotoAsync(link);
        await invitee.ShouldHaveNoSeriousViolationsAsync();
        await invitee.GetByLabel("Nouveau mot de passe").FillAsync("Une-phrase-de-passe-solide-42");
        await invitee.GetByLabel("Confirmez le mot de passe").FillAsync("Une-phrase-de-passe-solide-42");
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Activer mon compte" }).ClickAsync();

        (await invitee.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).IsVisibleAsync()).ShouldBeTrue();
        await invitee.GotoAsync("/account");
        (await invitee.Locator("main").InnerTextAsync()).ShouldContain("Nadia Invitée");

        await using var againContext = await fixture.NewContextAsync();
        var again = await againContext.NewPageAsync();
        await again.GotoAsync(link);
        (await again.GetByRole(AriaRole.Alert).CountAsync()).ShouldBe(1);
        (await again.Locator("input[name=Password]").CountAsync()).ShouldBe(0);
    }
}
