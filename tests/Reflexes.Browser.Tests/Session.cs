using Microsoft.Playwright;

namespace Reflexes.Browser.Tests;

/// <summary>What a person does with the keyboard and mouse to sign in and move around.</summary>
internal static class Session
{
    public const string DemoPassword = Reflexes.Web.Modules.Territory.DemoSeed.DemoTerritory.DemoPassword;

    public static async Task SignInAsync(this IPage page, string email, string password = DemoPassword)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>
    /// Follows the site navigation as a person does: the page's link in the main row when its area has
    /// only that page, else the area in the main row, then the page in the area's own navigation.
    /// </summary>
    public static async Task FollowNavigationAsync(this IPage page, string area, string link)
    {
        var main = page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" });
        var direct = main.GetByRole(AriaRole.Link, new() { Name = link, Exact = true });
        if (await direct.CountAsync() > 0)
        {
            await direct.ClickAsync();
            return;
        }

        await main.GetByRole(AriaRole.Link, new() { Name = area, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = area, Exact = true })
            .GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
