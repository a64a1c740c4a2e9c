using System.Text;
using Microsoft.Playwright;

namespace Reflexes.Browser.Tests;

/// <summary>A CSV import as an administrator does it: a file with a mistake, then the corrected file.</summary>
[Collection(BrowserTests.Name)]
public sealed class ImportJourneyTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task A_file_with_a_bad_row_shows_line_and_column_and_imports_nothing_until_corrected()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("admin@valbrune.example");
        await page.GotoAsync("/territory/import");
        await page.ShouldHaveNoSeriousViolationsAsync();

        await page.GetByLabel("Type de données").SelectOptionAsync("Neighbourhoods");
        await page.GetByLabel("Fichier CSV").SetInputFilesAsync(Csv("code,name\nBRW-NORD,Brouillard Nord\nBRW-SUD,\n"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Voir l’aperçu" }).ClickAsync();

        var alert = await page.GetByRole(AriaRole.Alert).InnerTextAsync();
        alert.ShouldContain("Rien n’a été importé");
        var errorRow = page.Locator("table").First.Locator("tbody tr");
        (await errorRow.CountAsync()).ShouldBe(1);
        var cells = await errorRow.Locator("td").AllInnerTextsAsync();
        cells[0].ShouldBe("3");
        cells[1].ShouldBe("name");
        cells[2].ShouldNotBeNullOrWhiteSpace();
        (await page.GetByRole(AriaRole.Button, new() { Name = "Importer les 2 ligne(s)" }).CountAsync()).ShouldBe(0);
        await page.ShouldHaveNoSeriousViolationsAsync();

        await page.GotoAsync("/territory/neighbourhoods");
        (await page.Locator("main").InnerTextAsync()).ShouldNotContain("Brouillard Nord");

        await page.GotoAsync("/territory/import");
        await page.GetByLabel("Type de données").SelectOptionAsync("Neighbourhoods");
        await page.GetByLabel("Fichier CSV").SetInputFilesAsync(Csv("code,name\nBRW-NORD,Brouillard Nord\nBRW-SUD,Brouillard Sud\n"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Voir l’aperçu" }).ClickAsync();
        await page.ShouldHaveNoSeriousViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer les 2 ligne(s)" }).ClickAsync();

        await page.GotoAsync("/territory/neighbourhoods");
        var list = await page.Locator("main").InnerTextAsync();
        list.ShouldContain("Brouillard Nord");
        list.ShouldContain("Brouillard Sud");
    }

    private static FilePayload Csv(string text) => new()
    {
        Name = "quartiers.csv",
        MimeType = "text/csv",
        Buffer = Encoding.UTF8.GetBytes(text),
    };
}
