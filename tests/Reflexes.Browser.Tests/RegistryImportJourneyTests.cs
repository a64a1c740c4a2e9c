using System.Text;
using Microsoft.Playwright;

namespace Reflexes.Browser.Tests;

/// <summary>A coordinator imports the social services' list: a bad file first, then the review of duplicates.</summary>
[Collection(BrowserTests.Name)]
public sealed class RegistryImportJourneyTests(BrowserFixture fixture)
{
    private const string Header = "first_name,last_name,birth_date,address,phone,ground,other_phone,alert_contact\n";

    [SkippableFact]
    public async Task A_coordinator_fixes_a_refused_file_reviews_each_proposed_duplicate_and_finds_the_merge_history()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("coordination@valbrune.example");
        await page.GotoAsync("/outreach/registry/register");
        await page.GetByLabel("Prénom").FillAsync("Yvonne");
        await page.GetByLabel("Nom de famille").FillAsync("Dumesnil");
        await page.GetByLabel("Date de naissance").FillAsync("1934-12-24");
        await page.GetByLabel("Adresse", new() { Exact = true }).FillAsync("3 rue du Four");
        await page.GetByLabel("Téléphone", new() { Exact = true }).FillAsync("04 78 62 62 62");
        await page.GetByLabel("65 ans ou plus").CheckAsync();
        await page.GetByLabel("Registre canicule et grand froid").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Inscrire", Exact = true }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Retour au registre" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Importer une liste" }).ClickAsync();
        await page.ShouldHaveNoSeriousViolationsAsync();
        await page.GetByLabel("Provenance").FillAsync("CCAS 2025");
        await page.GetByLabel("Fichier CSV").SetInputFilesAsync(Csv(Header + "Yvonne,DUMESNIL,24/12/1934,3 r. du Four,04 78 62 62 62,inconnu,,\n"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier le fichier" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("rien n’est importé");
        var cells = await page.Locator("#file-errors tbody tr").First.Locator("td").AllInnerTextsAsync();
        cells[0].ShouldBe("2");
        cells[1].ShouldBe("ground");
        await page.ShouldHaveNoSeriousViolationsAsync();

        await page.GetByLabel("Provenance").FillAsync("CCAS 2025");
        await page.GetByLabel("Fichier CSV").SetInputFilesAsync(Csv(Header
            + "Yvonne,DUMESNIL,24/12/1934,3 r. du Four,04 78 62 62 62,65+,,\"Luc Dumesnil, neveu, 06 44 55 66 77\"\n"
            + "Gaston,Perrot,1933-01-30,8 rue Verte,04 78 63 63 63,65+,,\n"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier le fichier" }).ClickAsync();
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("Revue de l’import");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("2 ligne(s) valables, 1 doublon(s) possible(s)");
        await page.ShouldHaveNoSeriousViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Importer les 2 ligne(s)" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("Paire 1 : choisissez");
        await page.ShouldHaveNoSeriousViolationsAsync();
        await page.GetByLabel("Fusionner : c’est la même personne").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer les 2 ligne(s)" }).ClickAsync();
        (await page.Locator("main").InnerTextAsync()).ShouldContain("1 inscription(s) créée(s), 1 fusion(s)");
        await page.ShouldHaveNoSeriousViolationsAsync();

        await page.GotoAsync("/outreach/registry");
        var list = await page.Locator("main table").InnerTextAsync();
        list.ShouldContain("Perrot Gaston");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dumesnil Yvonne" }).ClickAsync();
        var details = await page.Locator("main").InnerTextAsync();
        details.ShouldContain("Luc Dumesnil, neveu");
        details.ShouldContain("Historique des fusions");
        details.ShouldContain("import « CCAS 2025 », ligne 2");
        await page.ShouldHaveNoSeriousViolationsAsync();
    }

    private static FilePayload Csv(string text) => new()
    {
        Name = "ccas.csv",
        MimeType = "text/csv",
        Buffer = Encoding.UTF8.GetBytes(text),
    };
}
