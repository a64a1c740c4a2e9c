using Microsoft.Playwright;

namespace Reflexes.Browser.Tests;

/// <summary>An agent on the phone registers an elderly resident at her daughter's request.</summary>
[Collection(BrowserTests.Name)]
public sealed class RegistryJourneyTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task An_agent_registers_a_resident_by_phone_and_finds_her_in_the_register()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("agent@valbrune.example");
        await page.FollowNavigationAsync("Appels et orientation", "Registre des personnes fragiles");
        await page.GetByRole(AriaRole.Link, new() { Name = "Inscrire une personne" }).ClickAsync();
        await page.ShouldHaveNoSeriousViolationsAsync();

        await page.GetByLabel("Prénom").FillAsync("Georgette");
        await page.GetByLabel("Nom de famille").FillAsync("Aubry");
        await page.GetByLabel("Date de naissance").FillAsync("1937-03-02");
        await page.GetByLabel("Adresse", new() { Exact = true }).FillAsync("4 place du Marché");
        await page.GetByLabel("Téléphone", new() { Exact = true }).FillAsync("04 78 00 11 22");
        await page.GetByLabel("65 ans ou plus").CheckAsync();
        await page.GetByLabel("Demande faite par").SelectOptionAsync("Relative");
        await page.GetByLabel("Au nom de la personne, par").FillAsync("sa fille, Nadine Aubry");
        await page.GetByLabel("Registre canicule et grand froid").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Inscrire", Exact = true }).ClickAsync();

        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("Georgette Aubry");
        await page.ShouldHaveNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Corriger l’inscription" }).ClickAsync();
        await page.ShouldHaveNoSeriousViolationsAsync();
        await page.GetByLabel("Téléphone", new() { Exact = true }).FillAsync("04 78 00 33 44");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        (await page.Locator("main").InnerTextAsync()).ShouldContain("04 78 00 33 44");
        await page.GetByRole(AriaRole.Link, new() { Name = "Retour au registre" }).ClickAsync();
        (await page.Locator("main table").InnerTextAsync()).ShouldContain("Aubry Georgette");
        await page.ShouldHaveNoSeriousViolationsAsync();
    }
}
