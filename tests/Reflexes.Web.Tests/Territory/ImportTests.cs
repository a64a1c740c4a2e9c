using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reflexes.Testing;
using Reflexes.Web.Modules.Territory.Domain;
using Reflexes.Web.Modules.Territory.Export;
using Reflexes.Web.Modules.Territory.Import;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.Territory;

/// <summary>CSV import of reference data, once per database: all rows or nothing, with row-level errors.</summary>
public abstract class ImportTests(AppFixture fixture)
{
    private async Task<ImportPreview> ImportAsync(ImportKind kind, string csv)
    {
        var app = await fixture.AppAsync();
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TerritoryImporter>().ImportAsync(kind, csv, CancellationToken.None);
    }

    [SkippableFact]
    public async Task A_file_with_one_bad_row_reports_line_and_column_and_imports_nothing()
    {
        var before = await fixture.WithDbAsync(db => db.Neighbourhoods.CountAsync());
        var csv = "code,name,outline_geojson\nEST,Quartier Est,\nOUEST,,\nSUD,Sud,\"{\"\"type\"\":\"\"Point\"\",\"\"coordinates\"\":[1,2]}\"\nEST,Encore Est,\n";

        var result = await ImportAsync(ImportKind.Neighbourhoods, csv);

        result.CanImport.ShouldBeFalse();
        result.Errors.ShouldContain(new ImportError(3, "name", "import.error.required"));
        result.Errors.ShouldContain(new ImportError(4, "outline_geojson", "geojson.not-polygon"));
        result.Errors.ShouldContain(new ImportError(5, "code", "import.error.duplicate-in-file", "2"));
        (await fixture.WithDbAsync(db => db.Neighbourhoods.CountAsync())).ShouldBe(before);
    }

    [SkippableFact]
    public async Task A_valid_file_creates_new_rows_and_updates_existing_ones_in_one_go()
    {
        var csv = "\uFEFFcode;name;outline_geojson\nCENTRE-VILLE;Centre historique;\nPORT-NEUF;\"Port-Neuf; bassin\";\n";

        var result = await ImportAsync(ImportKind.Neighbourhoods, csv);

        result.Errors.ShouldBeEmpty();
        (result.NewCount, result.UpdateCount).ShouldBe((1, 1));
        (await fixture.WithDbAsync(db => db.Neighbourhoods.SingleAsync(n => n.Code == "CENTRE-VILLE"))).Name.ShouldBe("Centre historique");
        (await fixture.WithDbAsync(db => db.Neighbourhoods.SingleAsync(n => n.Code == "PORT-NEUF"))).Name.ShouldBe("Port-Neuf; bassin");
    }

    [SkippableFact]
    public async Task Organisations_find_their_parent_in_the_same_file_and_identifiers_are_checked()
    {
        var bad = "name,kind,parent,siret,rna,email\nService fantôme,service,,,,\nAsso A,association,,12345678901234,W123,pas-un-courriel\nAsso B,club,,,,\nBoucle 1,public-body,Boucle 2,,,\nBoucle 2,public-body,Boucle 1,,,\n";
        var rejected = await ImportAsync(ImportKind.Organisations, bad);
        rejected.Errors.ShouldContain(new ImportError(2, "parent", "import.error.service-needs-parent"));
        rejected.Errors.ShouldContain(new ImportError(3, "siret", "import.error.bad-siret", "12345678901234"));
        rejected.Errors.ShouldContain(new ImportError(3, "rna", "import.error.bad-rna", "W123"));
        rejected.Errors.ShouldContain(new ImportError(3, "email", "import.error.bad-email", "pas-un-courriel"));
        rejected.Errors.ShouldContain(new ImportError(4, "kind", "import.error.unknown-kind", "club"));
        rejected.Errors.ShouldContain(e => e.Line == 5 && e.MessageKey == "import.error.cycle");

        var good = "name,kind,parent,siret,rna,email\nPôle seniors,service,Direction des solidarités,,,\nDirection des solidarités,service,Ville de Valbrune,,,\nAmicale des aînés,association,,73282932000074,W751234567,contact@amicale.example\n";
        var imported = await ImportAsync(ImportKind.Organisations, good);
        imported.Errors.ShouldBeEmpty();
        var (pole, direction) = await fixture.WithDbAsync(async db => (
            await db.Organisations.SingleAsync(o => o.Name == "Pôle seniors"),
            await db.Organisations.SingleAsync(o => o.Name == "Direction des solidarités")));
        pole.ParentId.ShouldBe(direction.Id);
    }

    [SkippableFact]
    public async Task Agents_need_a_known_service_and_managers_may_come_from_the_same_file()
    {
        var csv = "email,first_name,last_name,service,manager_email,job_title\n" +
                  "n.petit@valbrune.example,Nora,Petit,Sports,,Cheffe de service\n" +
                  "o.blanc@valbrune.example,Omar,Blanc,Sports,n.petit@valbrune.example,Éducateur\n" +
                  "x.inconnu@valbrune.example,Xavier,Inconnu,Piscine municipale,personne@valbrune.example,\n";
        var rejected = await ImportAsync(ImportKind.Agents, csv);
        rejected.Errors.ShouldBe(
            [new ImportError(4, "service", "import.error.unknown-service", "Piscine municipale"), new ImportError(4, "manager_email", "import.error.unknown-manager", "personne@valbrune.example")],
            ignoreOrder: true);
        (await fixture.WithDbAsync(db => db.Agents.AnyAsync(a => a.Email == "n.petit@valbrune.example"))).ShouldBeFalse();

        var accepted = await ImportAsync(ImportKind.Agents, string.Join('\n', csv.Split('\n').Take(3)));
        accepted.Errors.ShouldBeEmpty();
        var (nora, omar) = await fixture.WithDbAsync(async db => (
            await db.Agents.SingleAsync(a => a.Email == "n.petit@valbrune.example"),
            await db.Agents.SingleAsync(a => a.Email == "o.blanc@valbrune.example")));
        omar.ManagerId.ShouldBe(nora.Id);
    }

    [SkippableFact]
    public async Task Malformed_files_are_rejected_with_the_line_where_reading_failed()
    {
        (await ImportAsync(ImportKind.Neighbourhoods, "")).Errors.ShouldBe([new ImportError(1, "", "import.error.empty-file")]);
        (await ImportAsync(ImportKind.Neighbourhoods, "code,name\n")).Errors.ShouldBe([new ImportError(2, "", "import.error.no-rows")]);
        (await ImportAsync(ImportKind.Neighbourhoods, "code,nom\nA,B\n")).Errors.ShouldBe(
            [new ImportError(1, "name", "import.error.missing-column"), new ImportError(1, "nom", "import.error.unknown-column")], ignoreOrder: true);
        (await ImportAsync(ImportKind.Neighbourhoods, "code,name\nA,B,C\n")).Errors.ShouldBe([new ImportError(2, "", "import.error.too-many-cells")]);
        (await ImportAsync(ImportKind.Neighbourhoods, "code,name\nA,\"B\nC,D\n")).Errors.ShouldBe([new ImportError(2, "", "import.error.unclosed-quote")]);
        (await ImportAsync(ImportKind.Neighbourhoods, "code,name\nA,B\"C\n")).Errors.ShouldBe([new ImportError(2, "", "import.error.stray-quote")]);
    }

    [SkippableFact]
    public async Task An_export_re_imports_without_change()
    {
        var app = await fixture.AppAsync();
        foreach (var kind in Enum.GetValues<ImportKind>())
        {
            using var scope = app.Services.CreateScope();
            var csv = await scope.ServiceProvider.GetRequiredService<TerritoryExport>().ToCsvAsync(kind, CancellationToken.None);
            var preview = await scope.ServiceProvider.GetRequiredService<TerritoryImporter>().PreviewAsync(kind, csv, CancellationToken.None);
            preview.Errors.ShouldBeEmpty(kind.ToString());
            preview.NewCount.ShouldBe(0, kind.ToString());
            preview.UpdateCount.ShouldBeGreaterThan(0, kind.ToString());
        }
    }

    [SkippableFact]
    public async Task In_the_browser_an_administrator_previews_errors_then_confirms_a_valid_file()
    {
        var app = await fixture.AppAsync();
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync(Demo.Admin, Demo.Password);

        var withError = await UploadAsync(client, "code,name\nQ1,Premier\nQ2,\n");
        withError.ShouldContain("Valeur obligatoire manquante.");
        withError.ShouldContain("<td class=\"number\">3</td><td>name</td>");
        withError.ShouldNotContain("handler=Confirm");

        var valid = await UploadAsync(client, "code,name\nQ1,Premier\nQ2,Deuxième\n");
        valid.ShouldContain("2 ligne(s) valide(s)");
        (await fixture.WithDbAsync(db => db.Neighbourhoods.AnyAsync(n => n.Code == "Q1"))).ShouldBeFalse();
        var content = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(valid, "name=\"FileContent\" value=\"([^\"]*)\"").Groups[1].Value);
        var confirmed = await client.PostFormAsync("/territory/import", [new("Kind", "Neighbourhoods"), new("FileContent", content)], "/territory/import?handler=Confirm");
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await fixture.WithDbAsync(db => db.Neighbourhoods.CountAsync(n => n.Code == "Q1" || n.Code == "Q2"))).ShouldBe(2);
    }

    private static async Task<string> UploadAsync(HttpClient client, string csv)
    {
        var page = await client.GetStringAsync(new Uri("/territory/import", UriKind.Relative));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(HtmlForms.AntiforgeryToken(page)), "__af" },
            { new StringContent("Neighbourhoods"), "Kind" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "quartiers.csv");
        var response = await client.PostAsync(new Uri("/territory/import?handler=Preview", UriKind.Relative), form);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}

public sealed class ImportTests_OnSqlite(SqliteApp fixture) : ImportTests(fixture), IClassFixture<SqliteApp>;

public sealed class ImportTests_OnPostgreSql(PostgreSqlApp fixture) : ImportTests(fixture), IClassFixture<PostgreSqlApp>;
