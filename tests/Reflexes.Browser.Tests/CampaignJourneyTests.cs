using Microsoft.Playwright;

namespace Reflexes.Browser.Tests;

/// <summary>
/// The coordinator prepares and starts a call campaign; the agent takes the next call on a phone, files
/// a referral and records the outcome; the coordinator reads the dashboard. Each page is scanned.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class CampaignJourneyTests(BrowserFixture fixture)
{
    private const string Name = "Canicule — appels aux personnes handicapées";

    [SkippableFact]
    public async Task A_coordinator_prepares_a_campaign_and_a_caller_on_a_phone_takes_the_call_files_a_referral_and_records_the_outcome()
    {
        await using (var desk = await fixture.NewContextAsync())
        {
            var lead = await desk.NewPageAsync();
            await lead.SignInAsync("coordination@valbrune.example");
            await lead.FollowNavigationAsync("Appels et orientation", "Campagnes d’appels");
            await lead.ShouldHaveNoSeriousViolationsAsync();
            await lead.GetByRole(AriaRole.Link, new() { Name = "Nouvelle campagne" }).ClickAsync();
            await lead.ShouldHaveNoSeriousViolationsAsync();

            await lead.GetByLabel("Nom", new() { Exact = true }).FillAsync(Name);
            await lead.GetByLabel("Motif d’inscription").SelectOptionAsync("Disability");
            await lead.GetByLabel("Introduction").FillAsync("Bonjour, la mairie prend de vos nouvelles pendant la canicule.");
            await lead.Locator("#QuestionText_0").FillAsync("Avez-vous assez d’eau fraîche chez vous ?");
            await lead.Locator("#QuestionKind_0").SelectOptionAsync("YesNo");
            await lead.Locator("#QuestionText_1").FillAsync("Quelle pièce reste la plus fraîche ?");
            await lead.Locator("#QuestionKind_1").SelectOptionAsync("Choice");
            await lead.Locator("#QuestionChoices_1").FillAsync("Chambre; Salon; Aucune");
            await lead.GetByLabel("Conclusion").FillAsync("Buvez régulièrement. En cas de malaise, appelez le 15.");
            await lead.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
            (await lead.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe(Name);
            await lead.ShouldHaveNoSeriousViolationsAsync();
            await lead.GetByRole(AriaRole.Button, new() { Name = "Lancer la campagne" }).ClickAsync();
            (await lead.Locator("main").InnerTextAsync()).ShouldContain("En cours");
            await lead.ShouldHaveNoSeriousViolationsAsync();
        }

        await using (var phone = await fixture.NewContextAsync(width: 360, height: 740))
        {
            var caller = await phone.NewPageAsync();
            await caller.SignInAsync("agent@valbrune.example");
            await caller.GotoAsync("/outreach/calls");
            await caller.ShouldHaveNoSeriousViolationsAsync();
            await caller.GetByRole(AriaRole.Button, new() { Name = "Appel suivant : " + Name }).ClickAsync();
            (await caller.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("Simone Guérin");
            await caller.ShouldHaveNoSeriousViolationsAsync();
            (await caller.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);

            await caller.GetByLabel("Type de besoin").SelectOptionAsync("Isolation");
            await caller.GetByLabel("Dans les jours qui viennent").CheckAsync();
            await caller.GetByLabel("Ce que vous avez constaté").FillAsync("Ne sort plus depuis le début de la canicule, personne ne passe la voir.");
            await caller.GetByLabel("La personne accepte que ces informations soient transmises au service qui pourra l’aider").CheckAsync();
            await caller.GetByRole(AriaRole.Button, new() { Name = "Transmettre le signalement" }).ClickAsync();
            (await caller.Locator("main").InnerTextAsync()).ShouldContain("Signalement transmis à l’orientation.");
            await caller.ShouldHaveNoSeriousViolationsAsync();

            await caller.GetByRole(AriaRole.Group, new() { Name = "1. Avez-vous assez d’eau fraîche chez vous ?" }).GetByLabel("Oui").CheckAsync();
            await caller.GetByRole(AriaRole.Group, new() { Name = "2. Quelle pièce reste la plus fraîche ?" }).GetByLabel("Chambre").CheckAsync();
            await caller.GetByRole(AriaRole.Group, new() { Name = "Issue de l’appel" }).GetByLabel("Joint(e)").CheckAsync();
            await caller.GetByLabel("Notes", new() { Exact = true }).FillAsync("A un ventilateur ; sa voisine passera ce soir.");
            await caller.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l’appel" }).ClickAsync();
            (await caller.Locator("main").InnerTextAsync()).ShouldContain("Appel enregistré.");
            await caller.ShouldHaveNoSeriousViolationsAsync();
        }

        await using var again = await fixture.NewContextAsync();
        var board = await again.NewPageAsync();
        await board.SignInAsync("coordination@valbrune.example");
        await board.GotoAsync("/outreach/campaigns");
        await board.GetByRole(AriaRole.Link, new() { Name = Name }).ClickAsync();
        await board.GetByRole(AriaRole.Link, new() { Name = "Tableau de bord de la campagne" }).ClickAsync();
        var figures = await board.Locator("main").InnerTextAsync();
        figures.ShouldContain("Antoine Agent");
        await board.ShouldHaveNoSeriousViolationsAsync();
        await board.GotoAsync("/outreach/callers/live");
        await board.ShouldHaveNoSeriousViolationsAsync();
    }
}
