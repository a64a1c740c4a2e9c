using Microsoft.Playwright;

namespace Reflexes.Browser.Tests;

/// <summary>The culture switch, keyboard use, pages without JavaScript, and small screens.</summary>
[Collection(BrowserTests.Name)]
public sealed class CultureAndLayoutTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task The_culture_switch_turns_the_interface_and_number_formats_to_english_and_back()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        (await page.GetAttributeAsync("html", "lang")).ShouldBe("fr");
        var frenchPopulation = await page.Locator("dl.figures dd").First.InnerTextAsync();
        frenchPopulation.ShouldMatch(@"^\d{1,3}([\u202F\u00A0 ]\d{3})+$");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        (await page.GetAttributeAsync("html", "lang")).ShouldBe("en");
        (await page.GetByRole(AriaRole.Link, new() { Name = "Home" }).CountAsync()).ShouldBeGreaterThan(0);
        var englishPopulation = await page.Locator("dl.figures dd").First.InnerTextAsync();
        englishPopulation.ShouldMatch(@"^\d{1,3}(,\d{3})+$");
        await page.ShouldHaveNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Français" }).ClickAsync();
        (await page.GetAttributeAsync("html", "lang")).ShouldBe("fr");
    }

    [SkippableFact]
    public async Task Without_javascript_a_person_signs_in_switches_language_and_signs_out()
    {
        await using var context = await fixture.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();

        await page.SignInAsync("coordination@valbrune.example");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).IsVisibleAsync()).ShouldBeTrue();

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        (await page.GetAttributeAsync("html", "lang")).ShouldBe("en");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        (await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).CountAsync()).ShouldBeGreaterThan(0);
    }

    [SkippableFact]
    public async Task The_first_tab_reaches_the_skip_link_which_moves_focus_to_the_content()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("document.activeElement.textContent.trim()")).ShouldBe("Aller au contenu");
        await page.Keyboard.PressAsync("Enter");

        (await page.EvaluateAsync<string>("document.activeElement.id")).ShouldBe("content");
    }

    [SkippableTheory]
    [InlineData(360, 740)]
    [InlineData(640, 450)]
    public async Task Pages_fit_a_phone_screen_and_a_200_percent_zoom_without_sideways_scrolling(int width, int height)
    {
        await using var context = await fixture.NewContextAsync(width: width, height: height);
        var page = await context.NewPageAsync();
        await page.SignInAsync("admin@valbrune.example");

        foreach (var path in new[] { "/", "/territory", "/territory/organisations", "/territory/agents", "/admin/users", "/admin/invitations", "/territory/import" })
        {
            await page.GotoAsync(path);
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            overflow.ShouldBeLessThanOrEqualTo(0, $"{path} scrolls sideways at {width}px");
        }
    }
}
