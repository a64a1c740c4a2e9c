using System.Globalization;
using Microsoft.Playwright;

namespace Reflexes.Browser.Tests;

/// <summary>An agent asks for an exceptional use of data; the data-protection officer decides; the public sees it.</summary>
[Collection(BrowserTests.Name)]
public sealed class ExceptionalUseJourneyTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task An_exceptional_use_is_requested_approved_with_reasons_and_published()
    {
        await using var agentContext = await fixture.NewContextAsync();
        var agent = await agentContext.NewPageAsync();
        await agent.SignInAsync("agent@valbrune.example");
        await agent.FollowNavigationAsync("Données et confiance", "Usages exceptionnels");
        await agent.GetByRole(AriaRole.Link, new() { Name = "Demander un usage exceptionnel" }).ClickAsync();
        await agent.ShouldHaveNoSeriousViolationsAsync();

        var today = DateTime.UtcNow.Date;
        await agent.GetByLabel("Usage demandé").FillAsync("Prévenir les inscrits d’une coupure d’eau");
        await agent.GetByLabel("Justification").FillAsync("Coupure d’eau de trois jours annoncée par le syndicat des eaux.");
        await agent.GetByLabel("Données collectées pour").SelectOptionAsync("heatwave-register");
        await agent.GetByLabel("Catégories de données").FillAsync("Identité\nTéléphone");
        await agent.GetByLabel("Personnes concernées", new() { Exact = true }).FillAsync("Inscrits du registre canicule aux Coteaux");
        await agent.GetByLabel("Nombre de personnes concernées").FillAsync("87");
        await agent.GetByLabel("Début").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await agent.GetByLabel("Fin").FillAsync(today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await agent.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande au conseil des données" }).ClickAsync();
        (await agent.Locator("main").InnerTextAsync()).ShouldContain("en attente de décision");
        var usePath = new Uri(agent.Url).PathAndQuery;

        await using var dpoContext = await fixture.NewContextAsync();
        var dpo = await dpoContext.NewPageAsync();
        await dpo.SignInAsync("dpo@valbrune.example");
        await dpo.GotoAsync(usePath);
        await dpo.ShouldHaveNoSeriousViolationsAsync();
        await dpo.GetByLabel("Motifs").FillAsync("Sécurité des personnes fragiles ; durée limitée à la coupure.");
        await dpo.GetByRole(AriaRole.Button, new() { Name = "Approuver" }).ClickAsync();
        (await dpo.Locator("main").InnerTextAsync()).ShouldContain("approuvé");
        await dpo.ShouldHaveNoSeriousViolationsAsync();

        await using var publicContext = await fixture.NewContextAsync();
        var visitor = await publicContext.NewPageAsync();
        await visitor.GotoAsync("/");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Transparence des usages de données" }).ClickAsync();
        var text = await visitor.Locator("main").InnerTextAsync();
        text.ShouldContain("Prévenir les inscrits d’une coupure d’eau");
        text.ShouldContain("87");
        text.ShouldContain("Denis Délégué");
        await visitor.ShouldHaveNoSeriousViolationsAsync();
    }
}
