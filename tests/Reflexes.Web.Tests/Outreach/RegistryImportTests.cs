using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.DataTrust.Domain;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.Outreach;

/// <summary>CSV import of an existing list: strict checks, staging, the review of duplicates and merges, once per database.</summary>
public abstract partial class RegistryImportTests(AppFixture fixture)
{
    private const string Header = "first_name,last_name,birth_date,address,phone,ground,other_phone,alert_contact\n";

    public static TheoryData<string, byte[], string> MalformedFiles() => new()
    {
        { "bad date", Utf8(Header + "Jeanne,Martin,1941-03-12,12 rue des Lilas,04 78 12 34 56,65+,,\nPaul,Roche,31/02/1940,3 rue Haute,04 78 00 00 01,65+,,\n"), "<td class=\"number\">3</td><td>birth_date</td><td>Date « 31/02/1940 » invalide" },
        { "unknown ground", Utf8(Header + "Jeanne,Martin,1941-03-12,12 rue des Lilas,04 78 12 34 56,veuve,,\n"), "<td class=\"number\">2</td><td>ground</td><td>Motif « veuve » inconnu" },
        { "ground that does not match the age", Utf8(Header + "Jeanne,Martin,1970-03-12,12 rue des Lilas,04 78 12 34 56,65+,,\n"), "<td class=\"number\">2</td><td>ground</td><td>Le motif ne correspond pas à l’âge" },
        { "missing column", Utf8("first_name,last_name,birth_date,address,ground\nJeanne,Martin,1941-03-12,12 rue des Lilas,65+\n"), "<td class=\"number\">1</td><td>phone</td><td>Colonne obligatoire absente." },
        { "UTF-16", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Header + "Jeanne,Martin,1941-03-12,1 rue A,04 78 12 34 56,65+,,\n")).ToArray(), "Encodage non reconnu" },
        { "tab delimiter", Utf8(Header.Replace(',', '\t') + "Jeanne\tMartin\t1941-03-12\t1 rue A\t04 78 12 34 56\t65+\t\t\n"), "Séparateur non reconnu" },
        { "missing value", Utf8(Header + "Jeanne,,1941-03-12,12 rue des Lilas,04 78 12 34 56,65+,,\n"), "<td class=\"number\">2</td><td>last_name</td><td>Valeur obligatoire manquante." },
    };

    [SkippableTheory]
    [MemberData(nameof(MalformedFiles))]
    public async Task A_malformed_file_is_refused_with_its_line_and_column_and_nothing_is_staged_or_imported(string why, byte[] file, string message)
    {
        var app = await fixture.AppAsync();
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);
        var before = await fixture.WithDbAsync(async db => (await db.Registrants.CountAsync(), await db.RegistrantImportBatches.CountAsync(), await db.RegistrantImportRows.CountAsync()));

        var (status, _, html) = await UploadAsync(client, file, "CCAS 2025");

        status.ShouldBe(HttpStatusCode.OK, why);
        html.ShouldContain(message, Case.Sensitive, why);
        html.ShouldContain("rien n’est importé", Case.Sensitive, why);
        (await fixture.WithDbAsync(async db => (await db.Registrants.CountAsync(), await db.RegistrantImportBatches.CountAsync(), await db.RegistrantImportRows.CountAsync())))
            .ShouldBe(before, why);
    }

    [SkippableFact]
    public async Task Missing_tags_are_refused_field_by_field()
    {
        var app = await fixture.AppAsync();
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);

        var (status, _, html) = await UploadAsync(client, Utf8(Header + "Jeanne,Martin,1941-03-12,12 rue des Lilas,04 78 12 34 56,65+,,\n"), "", collectedOn: "2099-01-01");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("href=\"#SourceName\"");
        html.ShouldContain("href=\"#CollectedOn\"");
        (await fixture.WithDbAsync(db => db.RegistrantImportBatches.AnyAsync(b => b.FileName == "liste.csv" && b.SourceName == ""))).ShouldBeFalse();
    }

    [SkippableFact]
    public async Task Duplicates_are_staged_for_review_never_merged_silently_and_a_merge_keeps_both_consents_and_the_history()
    {
        var app = await fixture.AppAsync();
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);
        // Already in the register, registered by phone.
        var registered = await client.PostFormAsync("/outreach/registry/register",
        [
            new("FirstName", "Hélène"), new("LastName", "Lefèvre"), new("BirthDate", "1940-03-12"), new("Address", "12 rue des Lilas"),
            new("Phone", "04 78 12 34 56"), new("Ground", "Age65Plus"), new("RegisteredBy", "Self"), new("Channel", "Phone"), new("Purposes", "heatwave-register"),
        ]);
        var existingId = Guid.Parse(registered.Headers.Location!.OriginalString.Split('/').Last());
        var registrantsBefore = await fixture.WithDbAsync(db => db.Registrants.CountAsync());

        var csv = Header
            + "HELENE,LEFEVRE,12/03/1940,\"12, r. des Lilas\",+33 4 78 12 34 56,65+,06 11 22 33 44,\"Paul Lefèvre, fils\"\n"
            + "Marcel,Tissot,1937-08-01,5 quai Sud,04 78 40 50 60,65+,,\n"
            + "Marcel,Tisot,1937-08-01,5 quai Sud,04 78 40 50 60,65+,,\n"
            + "Odette,Garnier,1936-02-02,9 rue Neuve,04 78 70 80 90,handicap,,\n";
        var (status, location, _) = await UploadAsync(client, Utf8(csv), "CCAS 2025", collectedOn: "2025-06-01");
        status.ShouldBe(HttpStatusCode.Redirect);
        var reviewPath = location!;
        (await fixture.WithDbAsync(db => db.Registrants.CountAsync())).ShouldBe(registrantsBefore);

        var review = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(reviewPath, UriKind.Relative)));
        review.ShouldContain("4 ligne(s) valables, 2 doublon(s) possible(s)");
        review.ShouldContain("Paire 1 : déjà inscrit(e) et ligne 2");
        review.ShouldContain("Paire 2 : ligne 3 et ligne 4");
        var pairs = PairField().Matches(review).Select(m => m.Groups[1].Value).Distinct().ToList();
        pairs.Count.ShouldBe(2);

        // Undecided pairs: nothing is imported.
        var undecided = await client.PostFormAsync(reviewPath, [new("d-" + pairs[0], "merge")], reviewPath + "?handler=Commit");
        undecided.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await undecided.Content.ReadAsStringAsync()).ShouldContain("Paire 2 : choisissez « fusionner » ou « garder les deux ».");
        (await fixture.WithDbAsync(db => db.Registrants.CountAsync())).ShouldBe(registrantsBefore);

        // Pair 1 merged, keeping the register's spelling but the list's alert contact and second phone; pair 2 kept apart.
        var committed = await client.PostFormAsync(reviewPath,
        [
            new("d-" + pairs[0], "merge"), new("c-" + pairs[0] + "-FirstName", "kept"), new("c-" + pairs[0] + "-LastName", "kept"),
            new("c-" + pairs[0] + "-Address", "kept"), new("c-" + pairs[0] + "-Phone", "kept"),
            new("c-" + pairs[0] + "-OtherPhone", "absorbed"), new("c-" + pairs[0] + "-AlertContact", "absorbed"),
            new("d-" + pairs[1], "keep"),
        ], reviewPath + "?handler=Commit");
        committed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(reviewPath, UriKind.Relative))).ShouldContain("3 inscription(s) créée(s), 1 fusion(s)");

        var result = await fixture.WithDbAsync(async db =>
        {
            var subject = await db.Registrants.Where(r => r.Id == existingId).Select(r => r.SubjectId).SingleAsync();
            var fields = await db.Registrants.Where(r => r.Id == existingId).Select(r => new { r.FirstName, r.LastName, r.Phone, r.OtherPhone, r.AlertContact }).SingleAsync();
            var consents = await db.ConsentRecords.Where(c => c.SubjectId == subject).OrderBy(c => c.RecordedAtUtc).ToListAsync();
            var merge = await db.RegistrantMerges.Where(m => m.RegistrantId == existingId).Select(m => new { m.FieldSources, m.SetAside, m.Absorbed }).SingleAsync();
            var imported = await db.Registrants.Where(r => r.LastName == "Tissot" || r.LastName == "Tisot" || r.LastName == "Garnier").Select(r => r.SubjectId).ToListAsync();
            var importedConsents = await db.ConsentRecords.Where(c => imported.Contains(c.SubjectId)).ToListAsync();
            var batchId = Guid.Parse(reviewPath.Split('/').Last());
            var staged = await db.RegistrantImportRows.CountAsync(r => r.BatchId == batchId) + await db.RegistrantImportPairs.CountAsync(p => p.BatchId == batchId);
            return (fields, consents, merge, imported.Count, importedConsents, staged, total: await db.Registrants.CountAsync());
        });
        result.fields.FirstName.ShouldBe("Hélène");
        result.fields.LastName.ShouldBe("Lefèvre");
        result.fields.Phone.ShouldBe("04 78 12 34 56");
        result.fields.OtherPhone.ShouldBe("06 11 22 33 44");
        result.fields.AlertContact.ShouldBe("Paul Lefèvre, fils");
        result.consents.Count.ShouldBe(2);
        result.consents[0].RecordedAtUtc.ShouldBe(new DateTime(2025, 6, 1, 12, 0, 0, DateTimeKind.Utc));
        result.consents[0].Channel.ShouldBe(ConsentChannel.PaperForm);
        result.consents[1].Channel.ShouldBe(ConsentChannel.Phone);
        result.consents.ShouldAllBe(c => c.Choice == ConsentChoice.Given);
        result.merge.FieldSources.ShouldContain("AlertContact=absorbed");
        result.merge.FieldSources.ShouldContain("FirstName=kept");
        result.merge.SetAside.ShouldContain("FirstName=HELENE");
        result.merge.Absorbed.ShouldBe("import:CCAS 2025:2");
        result.Count.ShouldBe(3);
        result.importedConsents.Count.ShouldBe(3);
        result.importedConsents.ShouldAllBe(c => c.Channel == ConsentChannel.PaperForm && c.RecordedAtUtc == new DateTime(2025, 6, 1, 12, 0, 0, DateTimeKind.Utc));
        result.staged.ShouldBe(0);
        result.total.ShouldBe(registrantsBefore + 3);

        var details = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/outreach/registry/" + existingId, UriKind.Relative)));
        details.ShouldContain("Historique des fusions");
        details.ShouldContain("import « CCAS 2025 », ligne 2");
    }

    [SkippableFact]
    public async Task A_staged_import_can_be_cancelled_and_leaves_nothing_behind()
    {
        var app = await fixture.AppAsync();
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync(Demo.Admin, Demo.Password);
        var (status, location, _) = await UploadAsync(client, Utf8(Header + "Léon,Carrel,1938-04-04,2 rue Basse,04 78 01 01 01,65+,,\n"), "Liste papier");
        status.ShouldBe(HttpStatusCode.Redirect);

        var cancelled = await client.PostFormAsync(location!, [], location + "?handler=Cancel");
        cancelled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await fixture.WithDbAsync(db => db.Registrants.AnyAsync(r => r.LastName == "Carrel"))).ShouldBeFalse();
        var batchId = Guid.Parse(location!.Split('/').Last());
        (await fixture.WithDbAsync(db => db.RegistrantImportRows.AnyAsync(r => r.BatchId == batchId))).ShouldBeFalse();
        (await fixture.WithDbAsync(db => db.RegistrantImportBatches.Where(b => b.Id == batchId).Select(b => b.Status).SingleAsync())).ShouldBe(RegistrantImportStatus.Cancelled);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static async Task<(HttpStatusCode Status, string? Location, string Html)> UploadAsync(HttpClient client, byte[] file, string source, string collectedOn = "2025-06-01")
    {
        var page = await client.GetStringAsync(new Uri("/outreach/registry/import", UriKind.Relative));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(HtmlForms.AntiforgeryToken(page)), "__af" },
            { new StringContent("heatwave-register"), "PurposeCode" },
            { new StringContent(collectedOn), "CollectedOn" },
            { new StringContent("PaperForm"), "Channel" },
            { new StringContent(source), "SourceName" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "Upload", "liste.csv");
        var response = await client.PostAsync(new Uri("/outreach/registry/import", UriKind.Relative), form);
        return (response.StatusCode, response.Headers.Location?.OriginalString, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [GeneratedRegex("name=\"d-([0-9a-f]{32})\"")]
    private static partial Regex PairField();
}

public sealed class RegistryImportSqliteTests(SqliteApp fixture) : RegistryImportTests(fixture), IClassFixture<SqliteApp>;

public sealed class RegistryImportPostgreSqlTests(PostgreSqlApp fixture) : RegistryImportTests(fixture), IClassFixture<PostgreSqlApp>;
