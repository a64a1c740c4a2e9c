using System.Globalization;
using Microsoft.Playwright;

namespace Reflexes.Browser.Tests;

/// <summary>
/// The reserve's needs side end to end: a partner posts a mission, the coordination unit moderates it, the public
/// finds it in the catalogue, the coordinator plans the week and publishes, and the volunteer accepts.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ReserveNeedsJourneyTests(BrowserFixture fixture)
{
    private const string Title = "Visite à une voisine de Bellevue";

    [SkippableFact]
    public async Task A_mission_is_posted_moderated_found_planned_published_and_accepted()
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var untilMonday = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        var wednesday = today.AddDays(untilMonday == 0 ? 7 : untilMonday).AddDays(2);

        await using (var partnerContext = await fixture.NewContextAsync())
        {
            var partner = await partnerContext.NewPageAsync();
            await partner.SignInAsync("partenaire@valbrune.example");
            await partner.FollowNavigationAsync("Réserve civique", "Missions postées");
            await partner.ShouldHaveNoSeriousViolationsAsync();
            await partner.GetByRole(AriaRole.Link, new() { Name = "Nouvelle mission" }).ClickAsync();
            await partner.ShouldHaveNoSeriousViolationsAsync();

            // A slot needing nobody is refused with a message tied to its field.
            await partner.GetByLabel("Titre").FillAsync(Title);
            await partner.GetByLabel("Description").FillAsync("Tenir compagnie à une voisine âgée pendant que sa fille travaille.");
            await partner.GetByLabel("Quartier").SelectOptionAsync(new SelectOptionValue { Label = "Bellevue" });
            await partner.GetByLabel("Lieu de rendez-vous").FillAsync("Résidence des Tilleuls, hall d'entrée");
            await partner.GetByLabel("Essentielle").CheckAsync();
            await partner.GetByLabel("Accompagnement des personnes › Visite aux personnes isolées").CheckAsync();
            await partner.GetByLabel("Date du créneau 1").FillAsync(wednesday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await partner.GetByLabel("Demi-journée du créneau 1").SelectOptionAsync("Afternoon");
            await partner.GetByLabel("Personnes nécessaires au créneau 1").FillAsync("0");
            await partner.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et soumettre" }).ClickAsync();
            (await partner.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("Créneau 1 : il faut entre 1 et");
            await partner.ShouldHaveNoSeriousViolationsAsync();

            await partner.GetByLabel("Personnes nécessaires au créneau 1").FillAsync("1");
            await partner.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et soumettre" }).ClickAsync();
            (await partner.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe(Title);
            await partner.ShouldHaveNoSeriousViolationsAsync();
        }

        await using var coordinatorContext = await fixture.NewContextAsync();
        var coordinator = await coordinatorContext.NewPageAsync();
        await coordinator.SignInAsync("coordination@valbrune.example");
        await coordinator.FollowNavigationAsync("Réserve civique", "Modération des missions");
        await coordinator.ShouldHaveNoSeriousViolationsAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await coordinator.ShouldHaveNoSeriousViolationsAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Publier", Exact = true }).ClickAsync();
        (await coordinator.Locator("main").InnerTextAsync()).ShouldContain("Publiée");

        await using (var visitorContext = await fixture.NewContextAsync())
        {
            var visitor = await visitorContext.NewPageAsync();
            await visitor.GotoAsync("/reserve/catalogue");
            await visitor.GetByLabel("Quartier").SelectOptionAsync(new SelectOptionValue { Label = "Bellevue" });
            await visitor.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
            await visitor.ShouldHaveNoSeriousViolationsAsync();
            await visitor.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
            await visitor.ShouldHaveNoSeriousViolationsAsync();
        }

        await coordinator.FollowNavigationAsync("Réserve civique", "Planification");
        await coordinator.ShouldHaveNoSeriousViolationsAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Calculer le plan (ou replanifier)" }).ClickAsync();
        var plan = await coordinator.Locator("main table.plan-table").InnerTextAsync();
        plan.ShouldContain(Title);
        plan.ShouldContain("Rose Résidente");
        await coordinator.ShouldHaveNoSeriousViolationsAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Publier les") }).ClickAsync();
        (await coordinator.Locator(".flash").InnerTextAsync()).ShouldContain("Propositions publiées");

        await using var roseContext = await fixture.NewContextAsync();
        var rose = await roseContext.NewPageAsync();
        await rose.SignInAsync("habitante@valbrune.example");
        await rose.FollowNavigationAsync("Mon espace", "Notifications");
        (await rose.Locator("main").InnerTextAsync()).ShouldContain(Title);
        await rose.ShouldHaveNoSeriousViolationsAsync();
        await rose.FollowNavigationAsync("Mon espace", "Mes missions");
        await rose.ShouldHaveNoSeriousViolationsAsync();
        await rose.GetByRole(AriaRole.Button, new() { Name = "Accepter la mission " + Title }).ClickAsync();
        (await rose.Locator("main").InnerTextAsync()).ShouldContain("Confirmée");
        await rose.ShouldHaveNoSeriousViolationsAsync();
    }
}
