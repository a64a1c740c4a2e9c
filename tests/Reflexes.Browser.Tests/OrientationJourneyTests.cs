using Microsoft.Playwright;

namespace Reflexes.Browser.Tests;

/// <summary>A need reported from the register is routed by orientation, then acknowledged and closed by a partner association.</summary>
[Collection(BrowserTests.Name)]
public sealed class OrientationJourneyTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task A_referral_is_filed_routed_acknowledged_and_closed_with_every_page_scanned()
    {
        await using var agentContext = await fixture.NewContextAsync();
        var agent = await agentContext.NewPageAsync();
        await agent.SignInAsync("agent@valbrune.example");
        await agent.FollowNavigationAsync("Appels et orientation", "Registre des personnes fragiles");
        await agent.GetByRole(AriaRole.Link, new() { Name = "Vallet Josette" }).ClickAsync();
        await agent.GetByRole(AriaRole.Link, new() { Name = "Signaler un besoin (orientation)" }).ClickAsync();
        await agent.ShouldHaveNoSeriousViolationsAsync();

        await agent.GetByRole(AriaRole.Button, new() { Name = "Envoyer à l’orientation" }).ClickAsync();
        (await agent.Locator(".alert").InnerTextAsync()).ShouldContain("Choisissez le type de besoin.");
        await agent.ShouldHaveNoSeriousViolationsAsync();
        await agent.GetByLabel("Aide à domicile, soins").CheckAsync();
        await agent.GetByLabel("Rapide (sous quelques jours)").CheckAsync();
        await agent.GetByLabel("Ce qui a été constaté").FillAsync("Ne peut plus faire sa toilette seule depuis sa sortie d’hôpital.");
        await agent.GetByLabel("Oui, elle accepte").CheckAsync();
        await agent.GetByRole(AriaRole.Button, new() { Name = "Envoyer à l’orientation" }).ClickAsync();
        (await agent.Locator("main").InnerTextAsync()).ShouldContain("il attend dans la file d’orientation");

        await using var orientatorContext = await fixture.NewContextAsync();
        var orientator = await orientatorContext.NewPageAsync();
        await orientator.SignInAsync("orientation@valbrune.example");
        await orientator.FollowNavigationAsync("Appels et orientation", "Orientation");
        await orientator.ShouldHaveNoSeriousViolationsAsync();
        (await orientator.Locator("main").InnerTextAsync()).ShouldContain("Solidarités et seniors"); // care → the seniors' service
        await orientator.GetByRole(AriaRole.Link, new() { Name = "Vallet Josette" }).ClickAsync();
        await orientator.ShouldHaveNoSeriousViolationsAsync();
        await orientator.GetByLabel("Service", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Lien intergénérations" });
        await orientator.GetByRole(AriaRole.Button, new() { Name = "Confier au service choisi" }).ClickAsync();
        (await orientator.Locator("main").InnerTextAsync()).ShouldContain("L’orientation est confiée au service.");
        await orientator.GetByRole(AriaRole.Link, new() { Name = "Règles d’orientation" }).ClickAsync();
        await orientator.ShouldHaveNoSeriousViolationsAsync();
        await orientator.GetByRole(AriaRole.Link, new() { Name = "Retour à la file d’orientation" }).ClickAsync();
        await orientator.GetByRole(AriaRole.Link, new() { Name = "Tableau de bord de l’orientation" }).ClickAsync();
        await orientator.ShouldHaveNoSeriousViolationsAsync();

        await using var partnerContext = await fixture.NewContextAsync();
        var partner = await partnerContext.NewPageAsync();
        await partner.SignInAsync("partenaire@valbrune.example");
        await partner.FollowNavigationAsync("Appels et orientation", "Orientations reçues");
        await partner.ShouldHaveNoSeriousViolationsAsync();
        await partner.GetByRole(AriaRole.Link, new() { Name = "Aide à domicile, soins — Vallet Josette" }).ClickAsync();
        await partner.ShouldHaveNoSeriousViolationsAsync();
        (await partner.Locator("main").InnerTextAsync()).ShouldContain("Ne peut plus faire sa toilette seule");
        await partner.GetByRole(AriaRole.Button, new() { Name = "Prendre en compte" }).ClickAsync();
        await partner.ShouldHaveNoSeriousViolationsAsync();
        await partner.GetByLabel("Note (facultative pour commencer ou clôturer)").FillAsync("Passage d’une bénévole prévu jeudi.");
        await partner.GetByRole(AriaRole.Button, new() { Name = "Commencer la prise en charge" }).ClickAsync();
        await partner.GetByLabel("Aide apportée").CheckAsync();
        await partner.GetByRole(AriaRole.Button, new() { Name = "Clôturer avec cette issue" }).ClickAsync();
        var closed = await partner.Locator("main").InnerTextAsync();
        closed.ShouldContain("L’orientation est clôturée.");
        closed.ShouldContain("Passage d’une bénévole prévu jeudi.");
        closed.ShouldContain("Pris en compte par le service");
        await partner.ShouldHaveNoSeriousViolationsAsync();

        // The person handed the case to the partner's inbox disappears from the queue.
        await orientator.FollowNavigationAsync("Appels et orientation", "Orientation");
        (await orientator.Locator("main").InnerTextAsync()).ShouldNotContain("Vallet Josette");
    }
}
