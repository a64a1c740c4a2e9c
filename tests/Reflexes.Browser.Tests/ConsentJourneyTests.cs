using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.Access.Domain;

namespace Reflexes.Browser.Tests;

/// <summary>A resident decides what their data are used for, and can prove it.</summary>
[Collection(BrowserTests.Name)]
public sealed class ConsentJourneyTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task A_resident_agrees_reads_the_receipt_and_withdraws_as_easily()
    {
        // A resident of their own: other journeys (the register's self-service) give the demo resident's consents.
        var email = $"consentement.{Guid.NewGuid():N}@valbrune.example";
        using (var scope = fixture.App!.Services.CreateScope())
        {
            var (_, errors) = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                .CreateAsync(email, "Claire Essai", "A long enough password", [Roles.Resident], CancellationToken.None);
            errors.ShouldBeEmpty();
        }

        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(email, "A long enough password");
        await page.FollowNavigationAsync("Mon espace", "Mes données");

        var card = page.Locator("li", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Registre canicule et grand froid" }) });
        (await card.InnerTextAsync()).ShouldContain("pas encore exprimé");
        await card.GetByRole(AriaRole.Button, new() { Name = "Je donne mon accord" }).ClickAsync();

        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("Reçu de consentement");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Vous avez donné votre accord pour « Registre canicule et grand froid »");
        await page.ShouldHaveNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Retour à mes données" }).ClickAsync();
        card = page.Locator("li", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Registre canicule et grand froid" }) });
        (await card.InnerTextAsync()).ShouldContain("accord donné");
        await card.GetByRole(AriaRole.Button, new() { Name = "Je retire mon accord" }).ClickAsync();

        (await page.Locator("main").InnerTextAsync()).ShouldContain("Vous avez retiré votre accord");
        await page.GetByRole(AriaRole.Link, new() { Name = "Retour à mes données" }).ClickAsync();
        (await page.Locator("table tbody tr").CountAsync()).ShouldBeGreaterThanOrEqualTo(2);
        await page.ShouldHaveNoSeriousViolationsAsync();
    }
}

/// <summary>A resident sees what is held about them and asks for a correction; the officer answers.</summary>
[Collection(BrowserTests.Name)]
public sealed class RightsJourneyTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task A_resident_reads_their_portfolio_files_a_correction_and_the_officer_answers_it()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("habitante@valbrune.example");
        await page.GotoAsync("/my-data");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tout ce que nous savons de vous" }).First.ClickAsync();
        (await page.Locator("main").InnerTextAsync()).ShouldContain("habitante@valbrune.example");
        await page.ShouldHaveNoSeriousViolationsAsync();

        await page.GotoAsync("/my-data/requests");
        await page.GetByLabel("Faire corriger une donnée inexacte").CheckAsync();
        await page.GetByLabel("Précisions").FillAsync("Mon nom s’écrit Rose Résidente-Martin.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma demande" }).ClickAsync();
        (await page.Locator("main table").InnerTextAsync()).ShouldContain("en cours");
        await page.ShouldHaveNoSeriousViolationsAsync();

        await using var dpoContext = await fixture.NewContextAsync();
        var dpo = await dpoContext.NewPageAsync();
        await dpo.SignInAsync("dpo@valbrune.example");
        await dpo.FollowNavigationAsync("Données et confiance", "Demandes de droits");
        await dpo.GetByRole(AriaRole.Link, new() { Name = "Traiter : Faire corriger une donnée inexacte" }).First.ClickAsync();
        await dpo.ShouldHaveNoSeriousViolationsAsync();
        await dpo.GetByLabel("Réponse ou motif").FillAsync("Votre nom est corrigé.");
        await dpo.GetByRole(AriaRole.Button, new() { Name = "Clore la demande avec cette réponse" }).ClickAsync();
        (await dpo.Locator("main").InnerTextAsync()).ShouldContain("traitée");

        await page.ReloadAsync();
        (await page.Locator("main table").InnerTextAsync()).ShouldContain("Votre nom est corrigé.");
    }
}
