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
}
