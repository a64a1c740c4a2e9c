using Microsoft.Playwright;

namespace Reflexes.Browser.Tests;

/// <summary>A resident decides what their data are used for, and can prove it.</summary>
[Collection(BrowserTests.Name)]
public sealed class ConsentJourneyTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task A_resident_agrees_reads_the_receipt_and_withdraws_as_easily()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("habitante@valbrune.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mes données" }).First.ClickAsync();

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
