using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Reflexes.Cli;
using Reflexes.Testing;
using Reflexes.Web.Modules.Outreach.Domain;

namespace Reflexes.Web.Tests.Cli;

/// <summary>`reflexes registry import`, run in-process on a demo database, once per database.</summary>
public abstract class RegistryImportCliTests(DatabaseKind kind)
{
    private const string Header = "first_name,last_name,birth_date,address,phone,ground\n";

    private static async Task<(int Exit, string Output, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        var root = new RootCommand();
        CommandRegistry.AddAll(root);
        var target = database.Kind == DatabaseKind.Sqlite ? new[] { "--sqlite", database.SqlitePath! } : ["--postgres", database.PostgreSql!];
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await root.Parse([.. args, .. target]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<TestDatabase> DemoDatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync(kind);
        await using var app = new ReflexesAppFactory(database);
        _ = app.Server; // migrates and seeds the demo territory
        return database;
    }

    private static async Task<string> FileAsync(string content)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "ccas.csv");
        await File.WriteAllTextAsync(path, content);
        return path;
    }

    private static string[] Tags(string file, params string[] more) =>
        ["registry", "import", file, "--purpose", "heatwave-register", "--collected", "2025-06-01", "--channel", "paper", "--source", "Fichier du CCAS 2025", .. more];

    [SkippableFact]
    public async Task A_bad_file_is_reported_line_by_line_with_column_and_value_exits_non_zero_and_stores_nothing()
    {
        await using var database = await DemoDatabaseAsync();
        var file = await FileAsync(Header + "Jeanne,Martin,1941-03-12,12 rue des Lilas,04 78 12 34 56,65+\nLouis,Perrin,1938-13-45,3 place du Marché,04 78 22 33 44,65+\nAnne,Roy,1950-02-02,8 rue Haute,04 78 55 44 33,70+\n");

        foreach (var run in new[] { Tags(file, "--check"), Tags(file, "--as", "coordination@valbrune.example") })
        {
            var (exit, output, error) = await RunAsync(database, run);
            exit.ShouldNotBe(0);
            output.ShouldBeEmpty();
            error.ShouldContain("ccas.csv: 2 error(s); nothing was stored.");
            error.ShouldContain("ccas.csv: line 3, column 'birth_date' (value \"1938-13-45\"): Invalid date “1938-13-45”");
            error.ShouldContain("ccas.csv: line 4, column 'ground' (value \"70+\"): Unknown ground “70+”");
        }

        await using var db = database.CreateContext();
        (await db.RegistrantImportBatches.CountAsync(b => b.FileName == "ccas.csv")).ShouldBe(0);
        (await db.RegistrantImportRows.CountAsync(r => r.LastName == "Perrin")).ShouldBe(0);
    }

    [SkippableFact]
    public async Task Bad_tags_are_named_by_their_option_and_stop_before_anything_is_read()
    {
        await using var database = await DemoDatabaseAsync();
        var file = await FileAsync(Header + "Jeanne,Martin,1941-03-12,12 rue des Lilas,04 78 12 34 56,65+\n");

        var badDate = await RunAsync(database, ["registry", "import", file, "--purpose", "heatwave-register", "--collected", "01/06/2025", "--channel", "fax", "--source", "CCAS", "--check"]);
        badDate.Exit.ShouldNotBe(0);
        badDate.Error.ShouldContain("--collected: \"01/06/2025\" is not a date written YYYY-MM-DD.");
        badDate.Error.ShouldContain("--channel: \"fax\" is not one of paper, phone, in-person.");

        var badPurpose = await RunAsync(database, ["registry", "import", file, "--purpose", "marketing", "--collected", "2025-06-01", "--channel", "phone", "--source", "CCAS", "--check"]);
        badPurpose.Exit.ShouldNotBe(0);
        badPurpose.Error.ShouldContain("--purpose: Choose a purpose from the register that rests on consent.");

        var nobody = await RunAsync(database, Tags(file));
        nobody.Exit.ShouldNotBe(0);
        nobody.Error.ShouldContain("--as:");
        var resident = await RunAsync(database, Tags(file, "--as", "habitante@valbrune.example"));
        resident.Exit.ShouldNotBe(0);
        resident.Error.ShouldContain("--as: no coordinator or administrator account has the e-mail habitante@valbrune.example.");

        await using var db = database.CreateContext();
        (await db.RegistrantImportBatches.CountAsync(b => b.FileName == "ccas.csv")).ShouldBe(0);
    }

    [SkippableFact]
    public async Task A_valid_file_is_only_checked_with_check_and_otherwise_staged_with_its_duplicates_for_review_in_the_browser()
    {
        await using var database = await DemoDatabaseAsync();
        var file = await FileAsync(Header
            + "Hélène,Lefèvre,1938-05-02,12 rue des Lilas,04 78 12 34 56,65+\n"
            + "HELENE,LEFEVRE,1938-05-02,\"12, r. des lilas\",04 78 12 34 56,65+\n"
            + "Marcel,Bouvier,1944-11-30,5 chemin des Vignes,04 78 98 76 54,65+\n");

        var checkedOnly = await RunAsync(database, Tags(file, "--check"));
        checkedOnly.Exit.ShouldBe(0, checkedOnly.Error);
        checkedOnly.Output.ShouldContain("ccas.csv: 3 row(s), all valid. Nothing was stored (--check).");
        await using (var db = database.CreateContext())
        {
            (await db.RegistrantImportBatches.CountAsync(b => b.FileName == "ccas.csv")).ShouldBe(0);
        }

        var staged = await RunAsync(database, Tags(file, "--as", "coordination@valbrune.example"));
        staged.Exit.ShouldBe(0, staged.Error);
        staged.Output.ShouldContain("ccas.csv: 3 row(s) staged, 1 proposed duplicate(s) to decide.");
        await using var check = database.CreateContext();
        var batch = await check.RegistrantImportBatches.SingleAsync(b => b.FileName == "ccas.csv");
        batch.Status.ShouldBe(RegistrantImportStatus.Staged);
        batch.SourceName.ShouldBe("Fichier du CCAS 2025");
        staged.Output.ShouldContain("Review and import in the browser: /outreach/registry/import/" + batch.Id);
        (await check.RegistrantImportRows.CountAsync(r => r.BatchId == batch.Id)).ShouldBe(3);
        (await check.RegistrantImportPairs.CountAsync(p => p.BatchId == batch.Id)).ShouldBe(1);
        (await check.Registrants.CountAsync(r => r.LastName == "Bouvier")).ShouldBe(0);
    }
}

public sealed class RegistryImportCliTests_OnSqlite() : RegistryImportCliTests(DatabaseKind.Sqlite);

public sealed class RegistryImportCliTests_OnPostgreSql() : RegistryImportCliTests(DatabaseKind.PostgreSql);
