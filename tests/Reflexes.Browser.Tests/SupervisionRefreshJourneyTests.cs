using Microsoft.Playwright;

namespace Reflexes.Browser.Tests;

/// <summary>With JavaScript, the call supervision page refreshes its figures in place; the supervisor can turn it off.</summary>
[Collection(BrowserTests.Name)]
public sealed class SupervisionRefreshJourneyTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task The_supervision_page_refreshes_its_figures_in_place_every_ten_seconds_until_the_supervisor_turns_it_off()
    {
        await using var desk = await fixture.NewContextAsync();
        var lead = await desk.NewPageAsync();
        await lead.SignInAsync("coordination@valbrune.example");
        await lead.GotoAsync("/outreach/callers/live");
        var automatic = lead.GetByLabel("Actualiser automatiquement toutes les 10 secondes");
        (await automatic.IsCheckedAsync()).ShouldBeTrue();
        await lead.ShouldHaveNoSeriousViolationsAsync();

        // A mark on the page: a refresh in place keeps it, a navigation would lose it.
        await lead.EvaluateAsync("window.__stayed = true");
        var stamp = lead.Locator("#live-calls p.hint");
        var first = await stamp.InnerTextAsync();
        await lead.WaitForFunctionAsync("t => document.querySelector('#live-calls p.hint').innerText !== t", first, new() { Timeout = 25_000 });
        (await lead.EvaluateAsync<bool>("window.__stayed === true")).ShouldBeTrue();

        await automatic.UncheckAsync();
        var frozen = await stamp.InnerTextAsync();
        await lead.WaitForTimeoutAsync(12_000);
        (await stamp.InnerTextAsync()).ShouldBe(frozen);
    }
}
