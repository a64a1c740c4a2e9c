using Microsoft.Playwright;

namespace Reflexes.Browser.Tests;

/// <summary>The civic reserve's people: a person signs up with the half-day grid by keyboard; an agent sees their plan and their manager decides.</summary>
[Collection(BrowserTests.Name)]
public sealed class ReserveJourneyTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task A_person_signs_up_to_the_reserve_with_the_half_day_grid_by_keyboard_without_javascript()
    {
        await using var context = await fixture.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.SignInAsync("partenaire@valbrune.example");
        await page.FollowNavigationAsync("Mon espace", "Réserve civique : mon engagement");
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("Rejoindre la réserve civique");

        await page.GetByLabel("Prénom").FillAsync("Paul");
        await page.GetByLabel("Nom de famille").FillAsync("Partenaire");
        await page.GetByLabel("Quartier", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Le Port" });
        await page.GetByLabel("Distance maximale de déplacement (km)").FillAsync("0");
        await page.GetByLabel("Conduite de véhicule (permis B)").First.CheckAsync();

        // The grid by keyboard: focus Monday morning, space ticks it, tab moves to Monday afternoon.
        var grid = page.GetByRole(AriaRole.Group, new() { Name = "Disponibilités habituelles, chaque semaine" });
        await grid.GetByLabel("Lundi, Matin").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space");
        (await grid.GetByLabel("Lundi, Matin").IsCheckedAsync()).ShouldBeTrue();
        (await grid.GetByLabel("Lundi, Après-midi").IsCheckedAsync()).ShouldBeTrue();
        (await grid.GetByLabel("Mardi, Matin").IsCheckedAsync()).ShouldBeFalse();
        (await grid.GetByLabel("Mardi, Après-midi").IsCheckedAsync()).ShouldBeTrue();
        var never = page.GetByRole(AriaRole.Group, new() { Name = "Jamais : contraintes impératives" });
        await never.GetByLabel("Dimanche, Matin").CheckAsync();
        await never.GetByLabel("Dimanche, Après-midi").CheckAsync();

        // Forgetting consent and an impossible distance: errors tied to the fields, nothing saved.
        await page.GetByRole(AriaRole.Button, new() { Name = "Rejoindre la réserve" }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert);
        (await alert.InnerTextAsync()).ShouldContain("distance maximale");
        (await alert.InnerTextAsync()).ShouldContain("Cochez la case");
        (await grid.GetByLabel("Lundi, Matin").IsCheckedAsync()).ShouldBeTrue();

        await page.GetByLabel("Distance maximale de déplacement (km)").FillAsync("12");
        await page.GetByLabel("J’accepte que mes compétences").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rejoindre la réserve" }).ClickAsync();

        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("Mon engagement dans la réserve civique");
        (await page.Locator(".flash").InnerTextAsync()).ShouldContain("Bienvenue");
        (await grid.GetByLabel("Mardi, Après-midi").IsCheckedAsync()).ShouldBeTrue();
        (await never.GetByLabel("Dimanche, Matin").IsCheckedAsync()).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task The_sign_up_form_and_its_error_summary_have_no_serious_accessibility_violation()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("elue@valbrune.example");
        await page.GotoAsync("/reserve/me");
        await page.ShouldHaveNoSeriousViolationsAsync();
        await page.GetByLabel("Demi-journées au plus par semaine").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rejoindre la réserve" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("plafond hebdomadaire");
        await page.ShouldHaveNoSeriousViolationsAsync();
    }

    [SkippableFact]
    public async Task An_agent_sees_their_balance_and_plan_and_approves_a_colleagues_period_as_their_manager()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("agent@valbrune.example");
        await page.FollowNavigationAsync("Réserve civique", "Mon plan de mise à disposition");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Banque alimentaire du Valbrunois");
        await page.ShouldHaveNoSeriousViolationsAsync();

        await page.FollowNavigationAsync("Réserve civique", "Mises à disposition à valider");
        await page.ShouldHaveNoSeriousViolationsAsync();
        var request = page.GetByRole(AriaRole.Region).Filter(new() { HasText = "Coup de main aux aînés" });
        await request.GetByLabel("Remarque (facultative)").FillAsync("D’accord pour l’hiver");
        await request.GetByRole(AriaRole.Button, new() { Name = "Accorder" }).ClickAsync();
        (await page.Locator(".flash").InnerTextAsync()).ShouldContain("accordée");
        (await page.Locator("main").InnerTextAsync()).ShouldNotContain("Coup de main aux aînés");
        await page.ShouldHaveNoSeriousViolationsAsync();
    }
}
