using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Reflexes.Cli;
using Reflexes.Testing;

namespace Reflexes.Web.Tests.Cli;

/// <summary>The `reflexes` command, run in-process against a real database, once per database.</summary>
public abstract class CliTests(DatabaseKind kind)
{
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

    [SkippableFact]
    public async Task Migrate_brings_an_empty_database_up_to_date_and_says_so_the_second_time()
    {
        await using var database = await TestDatabase.CreateAsync(kind);

        var first = await RunAsync(database, "migrate");
        var second = await RunAsync(database, "migrate");

        first.Exit.ShouldBe(0, first.Error);
        first.Output.ShouldContain("applied 20261122000100_Initial");
        second.Output.ShouldContain("is up to date");
        await using var db = database.CreateContext();
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Import_reports_every_bad_row_exits_non_zero_and_imports_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "orgs.csv");
        await File.WriteAllTextAsync(file, "name,kind,parent,siret\nVille,local-government,,\nSports,service,,\nAsso,association,,123\n");

        var (exit, _, error) = await RunAsync(database, "import", "organisations", file);

        exit.ShouldBe(1);
        error.ShouldContain("orgs.csv: 2 error(s); nothing was imported.");
        error.ShouldContain("orgs.csv: line 3, column 'parent': A service must name the organisation it belongs to (parent column).");
        error.ShouldContain("orgs.csv: line 4, column 'siret': Invalid SIRET \"123\"");
        await using var db = database.CreateContext();
        (await db.Organisations.CountAsync()).ShouldBe(0);

        await File.WriteAllTextAsync(file, "name,kind,parent,siret\nVille,local-government,,\nSports,service,Ville,\n");
        var fixedRun = await RunAsync(database, "import", "organisations", file);
        fixedRun.Exit.ShouldBe(0, fixedRun.Error);
        fixedRun.Output.ShouldContain("imported 2 row(s) (2 new, 0 updated)");
        (await db.Organisations.CountAsync()).ShouldBe(2);
    }

    [SkippableFact]
    public async Task Import_of_a_missing_file_or_an_unknown_kind_fails_clearly()
    {
        await using var database = await TestDatabase.CreateAsync(kind);

        var missing = await RunAsync(database, "import", "agents", "/nonexistent/agents.csv");
        var unknown = await RunAsync(database, "import", "planets", "/nonexistent/agents.csv");

        missing.Exit.ShouldBe(1);
        missing.Error.ShouldContain("File not found: /nonexistent/agents.csv");
        unknown.Exit.ShouldNotBe(0);
        unknown.Error.ShouldContain("planets");
    }

    [SkippableFact]
    public async Task User_create_and_add_role_give_an_account_that_can_sign_in()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        // One variable per database case: the two cases run in parallel in one process.
        var variable = "REFLEXES_TEST_CLI_PASSWORD_" + kind;
        Environment.SetEnvironmentVariable(variable, "a sentence long enough");
        try
        {
            var created = await RunAsync(database, "user", "create", "--email", "dpo@territoire.example", "--name", "Déléguée", "--role", "dpo", "--password-env", variable);
            var granted = await RunAsync(database, "user", "add-role", "--email", "dpo@territoire.example", "--role", "administrator");
            var unknownRole = await RunAsync(database, "user", "add-role", "--email", "dpo@territoire.example", "--role", "wizard");
            var unknownUser = await RunAsync(database, "user", "add-role", "--email", "nobody@territoire.example", "--role", "agent");
            var noPassword = await RunAsync(database, "user", "create", "--email", "b@territoire.example", "--name", "B", "--password-env", "REFLEXES_TEST_CLI_NONE");

            created.Exit.ShouldBe(0, created.Error);
            granted.Exit.ShouldBe(0, granted.Error);
            unknownRole.Exit.ShouldBe(1);
            unknownRole.Error.ShouldContain("Unknown role 'wizard'");
            unknownUser.Exit.ShouldBe(1);
            unknownUser.Error.ShouldContain("No account with the e-mail address");
            noPassword.Exit.ShouldBe(1);
            noPassword.Error.ShouldContain("REFLEXES_TEST_CLI_NONE");
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        await using var app = new ReflexesAppFactory(database, new Dictionary<string, string?> { ["Database:SeedDemoOnEmpty"] = "false" });
        var client = app.CreateBrowserLikeClient();
        (await client.SignInAsync("dpo@territoire.example", "a sentence long enough")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        (await client.GetAsync(new Uri("/admin/users", UriKind.Relative))).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task Seed_demo_is_refused_in_production_and_loads_Valbrune_elsewhere_once()
    {
        await using var database = await TestDatabase.CreateAsync(kind);

        var refused = await RunAsync(database, "seed-demo");
        var loaded = await RunAsync(database, "seed-demo", "--environment", "Development");
        var again = await RunAsync(database, "seed-demo", "--environment", "Development");

        refused.Exit.ShouldBe(1);
        refused.Error.ShouldContain("refused in the Production environment");
        loaded.Exit.ShouldBe(0, loaded.Error);
        again.Exit.ShouldBe(1);
        await using var db = database.CreateContext();
        (await db.Neighbourhoods.CountAsync()).ShouldBe(8);
    }
}

public sealed class CliTests_OnSqlite() : CliTests(DatabaseKind.Sqlite);

public sealed class CliTests_OnPostgreSql() : CliTests(DatabaseKind.PostgreSql);
