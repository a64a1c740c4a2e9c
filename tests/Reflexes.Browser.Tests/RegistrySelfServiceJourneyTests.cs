using Microsoft.Playwright;

namespace Reflexes.Browser.Tests;

/// <summary>The heat-wave register from the residents' side: registering oneself or someone else, then one's own page.</summary>
[Collection(BrowserTests.Name)]
public sealed class RegistrySelfServiceJourneyTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task A_visitor_registers_without_an_account_and_gets_a_receipt_and_a_neighbours_request_waits_for_the_agents_call()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.FollowNavigationAsync("Mon espace", "Registre canicule");
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("S’inscrire au registre canicule et grand froid");
        await page.ShouldHaveNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer l’inscription" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("Le prénom est obligatoire");
        await page.ShouldHaveNoSeriousViolationsAsync();

        await page.GetByLabel("Je m’inscris moi-même").CheckAsync();
        await FillPersonAsync(page, "Colette", "Arnaud", "04 78 45 67 89");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer l’inscription" }).ClickAsync();
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("Demande d’inscription reçue");
        var receipts = await page.Locator("main table").InnerTextAsync();
        receipts.ShouldContain("Registre canicule et grand froid");
        receipts.ShouldMatch("[0-9a-f]{8}-[0-9a-f]{4}");
        await page.ShouldHaveNoSeriousViolationsAsync();

        await page.GotoAsync("/heatwave-register");
        await page.GetByLabel("Je suis un voisin").CheckAsync();
        await page.GetByLabel("Votre nom et votre lien avec la personne").FillAsync("Karim Haddad, son voisin");
        await FillPersonAsync(page, "Fernand", "Lebrun", "04 78 98 76 54");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer l’inscription" }).ClickAsync();
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Un agent de la mairie appellera la personne");

        var agent = await (await fixture.NewContextAsync()).NewPageAsync();
        await agent.SignInAsync("agent@valbrune.example");
        await agent.GotoAsync("/outreach/registry");
        (await agent.Locator("main").InnerTextAsync()).ShouldNotContain("Lebrun");
        await agent.GetByRole(AriaRole.Link, new() { Name = "Inscriptions à confirmer" }).ClickAsync();
        await agent.ShouldHaveNoSeriousViolationsAsync();
        await agent.GetByRole(AriaRole.Link, new() { Name = "Lebrun Fernand" }).ClickAsync();
        (await agent.Locator("main").InnerTextAsync()).ShouldContain("Karim Haddad, son voisin");
        await agent.ShouldHaveNoSeriousViolationsAsync();
        await agent.GetByRole(AriaRole.Button, new() { Name = "La personne accepte : confirmer l’inscription" }).ClickAsync();
        await agent.GotoAsync("/outreach/registry");
        var list = await agent.Locator("main table").InnerTextAsync();
        list.ShouldContain("Lebrun Fernand");
        list.ShouldContain("Arnaud Colette");
        await agent.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task A_signed_in_resident_registers_sees_corrects_and_withdraws_her_registration_herself()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("habitante@valbrune.example");
        await page.FollowNavigationAsync("Mon espace", "Registre canicule");
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("Mon inscription au registre canicule");
        await page.ShouldHaveNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "S’inscrire au registre canicule et grand froid" }).ClickAsync();
        (await page.GetByLabel("Prénom").InputValueAsync()).ShouldNotBeNullOrWhiteSpace();
        await page.ShouldHaveNoSeriousViolationsAsync();

        await FillPersonAsync(page, "Micheline", "Perret", "04 78 13 57 91");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer l’inscription" }).ClickAsync();
        await page.ShouldHaveNoSeriousViolationsAsync();
        await page.Locator("main table a").First.ClickAsync();
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Registre canicule et grand froid");

        await page.GotoAsync("/my-registration");
        await page.GetByLabel("Téléphone", new() { Exact = true }).FillAsync("04 78 24 68 10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        (await page.GetByLabel("Téléphone", new() { Exact = true }).InputValueAsync()).ShouldBe("04 78 24 68 10");
        await page.ShouldHaveNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Retirer l’inscription" }).ClickAsync();
        (await page.Locator("main").InnerTextAsync()).ShouldContain("M’inscrire à nouveau");
        await page.ShouldHaveNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Voir le reçu du retrait" }).ClickAsync();
        await page.ShouldHaveNoSeriousViolationsAsync();
    }

    private static async Task FillPersonAsync(IPage page, string first, string last, string phone)
    {
        await page.GetByLabel("Prénom").FillAsync(first);
        await page.GetByLabel("Nom de famille").FillAsync(last);
        await page.GetByLabel("Date de naissance").FillAsync("1938-09-14");
        await page.GetByLabel("Adresse", new() { Exact = true }).FillAsync("6 rue des Remparts");
        await page.GetByLabel("Téléphone", new() { Exact = true }).FillAsync(phone);
        await page.GetByLabel("65 ans ou plus").CheckAsync();
    }
}
