using Microsoft.Playwright;

namespace Reflexes.Browser.Tests;

/// <summary>An agent notices that a resident is registered twice and merges the two registrations.</summary>
[Collection(BrowserTests.Name)]
public sealed class RegistryMergeJourneyTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task An_agent_finds_the_second_registration_of_a_resident_chooses_the_phone_to_keep_and_merges_them()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("agent@valbrune.example");
        await RegisterAsync(page, "LUCIENNE", "BARRAL", "06 44 55 66 77");
        await RegisterAsync(page, "Lucienne", "Barral", "04 78 40 41 42");

        await page.GetByRole(AriaRole.Link, new() { Name = "Même personne qu’une autre inscription…" }).ClickAsync();
        await page.ShouldHaveNoSeriousViolationsAsync();
        await page.GetByLabel("Nom, prénom ou téléphone").FillAsync("barral");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chercher" }).ClickAsync();
        await page.ShouldHaveNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "BARRAL LUCIENNE" }).ClickAsync();
        await page.ShouldHaveNoSeriousViolationsAsync();

        await page.GetByLabel("06 44 55 66 77").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Fusionner les deux inscriptions" }).ClickAsync();
        var main = await page.Locator("main").InnerTextAsync();
        main.ShouldContain("Inscriptions fusionnées.");
        main.ShouldContain("06 44 55 66 77");
        await page.ShouldHaveNoSeriousViolationsAsync();
    }

    private static async Task RegisterAsync(IPage page, string first, string last, string phone)
    {
        await page.GotoAsync("/outreach/registry/register");
        await page.GetByLabel("Prénom").FillAsync(first);
        await page.GetByLabel("Nom de famille").FillAsync(last);
        await page.GetByLabel("Date de naissance").FillAsync("1936-09-21");
        await page.GetByLabel("Adresse", new() { Exact = true }).FillAsync("11 rue des Remparts");
        await page.GetByLabel("Téléphone", new() { Exact = true }).FillAsync(phone);
        await page.GetByLabel("65 ans ou plus").CheckAsync();
        await page.GetByLabel("Demande faite par").SelectOptionAsync("Self");
        await page.GetByLabel("Registre canicule et grand froid").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Inscrire", Exact = true }).ClickAsync();
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe(first + " " + last);
    }
}
