using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reflexes.Audit;
using Reflexes.Cli;
using Reflexes.Testing;
using Reflexes.Web.Modules.DataTrust.Audit;
using Reflexes.Web.Modules.DataTrust.Contracts;

namespace Reflexes.Web.Tests.DataTrust;

/// <summary>
/// Someone with write access to the database edits the AuditEntries table by hand (after dropping its
/// append-only triggers): `reflexes audit verify` must fail and name the entry. Once per database.
/// </summary>
public abstract class AuditTamperTests(DatabaseKind kind)
{
    private const int Entries = 12;

    [SkippableFact]
    public async Task An_untouched_log_verifies_and_the_command_says_what_it_checked()
    {
        await using var database = await LogWithHeadsAsync(signAfter: [4, 12]);

        var (exit, output, error) = await VerifyAsync(database);

        exit.ShouldBe(0, error);
        output.ShouldContain("Audit log intact: 12 entries, 2 signed tree head(s), the latest covering 12 entries; 0 entries appended since");
        output.ShouldContain("Signing key fingerprint: ");
    }

    [SkippableFact]
    public async Task The_table_refuses_updates_and_deletes_while_its_triggers_are_in_place()
    {
        await using var database = await LogWithHeadsAsync(signAfter: [12]);
        await using var db = database.CreateContext();

        await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Purpose\" = 'marketing' WHERE \"Sequence\" = 6"));
        await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 6"));
        (await db.Set<AuditEntry>().CountAsync()).ShouldBe(Entries);
    }

    [SkippableFact]
    public async Task An_entry_altered_in_the_database_is_named()
    {
        await using var database = await LogWithHeadsAsync(signAfter: [4, 12]);
        await TamperAsync(database, "UPDATE \"AuditEntries\" SET \"Purpose\" = 'marketing' WHERE \"Sequence\" = 6");

        var (exit, _, error) = await VerifyAsync(database);

        exit.ShouldBe(2);
        error.ShouldContain("First problem: Entry 6 was altered");
    }

    [SkippableFact]
    public async Task An_entry_deleted_from_the_database_is_named()
    {
        await using var database = await LogWithHeadsAsync(signAfter: [4, 12]);
        await TamperAsync(database, "DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 6");

        var (exit, _, error) = await VerifyAsync(database);

        exit.ShouldBe(2);
        error.ShouldContain("First problem: Entry 6 was deleted");
    }

    [SkippableFact]
    public async Task The_last_entries_deleted_from_the_database_are_named_when_a_signed_head_covers_them()
    {
        await using var database = await LogWithHeadsAsync(signAfter: [4, 12]);
        await TamperAsync(database, "DELETE FROM \"AuditEntries\" WHERE \"Sequence\" >= 10");

        var (exit, _, error) = await VerifyAsync(database);

        exit.ShouldBe(2);
        error.ShouldContain("First problem: Entries 10 to 11 were deleted");
    }

    [SkippableFact]
    public async Task An_entry_inserted_into_the_database_is_named()
    {
        await using var database = await LogWithHeadsAsync(signAfter: [4, 12]);
        // Make room at 6 by moving the later entries one place up, then slip a forged entry in.
        await TamperAsync(database,
            "UPDATE \"AuditEntries\" SET \"Sequence\" = \"Sequence\" + 1000 WHERE \"Sequence\" >= 6",
            "UPDATE \"AuditEntries\" SET \"Sequence\" = \"Sequence\" - 999 WHERE \"Sequence\" >= 1000",
            "INSERT INTO \"AuditEntries\" (\"Sequence\", \"OccurredAtUtc\", \"Actor\", \"Action\", \"Purpose\", \"Record\", \"Result\", \"LeafHash\") " +
            "SELECT 6, \"OccurredAtUtc\", 'user:intruder', \"Action\", \"Purpose\", \"Record\", \"Result\", \"LeafHash\" FROM \"AuditEntries\" WHERE \"Sequence\" = 5");

        var (exit, _, error) = await VerifyAsync(database);

        exit.ShouldBe(2);
        error.ShouldContain("First problem: Entry 6 was inserted");
    }

    [SkippableFact]
    public async Task Two_entries_swapped_in_the_database_are_named_as_reordered()
    {
        await using var database = await LogWithHeadsAsync(signAfter: [4, 12]);
        await TamperAsync(database,
            "UPDATE \"AuditEntries\" SET \"Sequence\" = -1 WHERE \"Sequence\" = 3",
            "UPDATE \"AuditEntries\" SET \"Sequence\" = 3 WHERE \"Sequence\" = 8",
            "UPDATE \"AuditEntries\" SET \"Sequence\" = 8 WHERE \"Sequence\" = -1");

        var (exit, _, error) = await VerifyAsync(database);

        exit.ShouldBe(2);
        error.ShouldContain("First problem: Entry 3 was reordered: the entry appended as 3 now sits at position 8");
    }

    [SkippableFact]
    public async Task An_entry_rewritten_with_a_recomputed_leaf_hash_is_caught_by_the_signed_head_covering_it()
    {
        await using var database = await LogWithHeadsAsync(signAfter: [4, 12]);
        await using (var db = database.CreateContext())
        {
            var entry = await db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.Sequence == 6);
            var forged = entry.ToRecord() with { Result = nameof(AuditResult.Denied) };
            await DropTriggersAsync(db);
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Result\" = {forged.Result}, \"LeafHash\" = {forged.LeafHash()} WHERE \"Sequence\" = 6");
        }

        var (exit, _, error) = await VerifyAsync(database);

        exit.ShouldBe(2);
        error.ShouldContain("no longer matches the stored entries: an entry from 4 to 11 was altered, deleted, inserted or reordered");
    }

    [SkippableFact]
    public async Task A_tree_head_edited_in_the_database_fails_its_signature()
    {
        await using var database = await LogWithHeadsAsync(signAfter: [4, 12]);
        await TamperAsync(database, "UPDATE \"AuditTreeHeads\" SET \"TreeSize\" = 3 WHERE \"TreeSize\" = 4");

        var (exit, _, error) = await VerifyAsync(database);

        exit.ShouldBe(2);
        error.ShouldContain("The tree head of size 3");
        error.ShouldContain("has a signature that does not verify");
    }

    [SkippableFact]
    public async Task A_pinned_public_key_that_did_not_sign_the_heads_fails_verification()
    {
        await using var database = await LogWithHeadsAsync(signAfter: [12]);
        using var otherKey = TreeHeadSigner.CreateKey();
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "key.pem");
        await File.WriteAllTextAsync(file, otherKey.ExportSubjectPublicKeyInfoPem());

        var (exit, _, error) = await VerifyAsync(database, "--public-key", file);

        exit.ShouldBe(2);
        error.ShouldContain("does not verify with the platform's public key");
    }

    [SkippableFact]
    public async Task A_missing_or_unreadable_public_key_file_is_bad_input()
    {
        await using var database = await LogWithHeadsAsync(signAfter: [12]);
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "key.pem");
        await File.WriteAllTextAsync(file, "not a key");

        var missing = await VerifyAsync(database, "--public-key", "/nonexistent/key.pem");
        var unreadable = await VerifyAsync(database, "--public-key", file);

        missing.Exit.ShouldBe(1);
        missing.Error.ShouldContain("File not found: /nonexistent/key.pem");
        unreadable.Exit.ShouldBe(1);
        unreadable.Error.ShouldContain("key.pem: not a PEM ECDSA P-256 public key");
    }

    [SkippableFact]
    public async Task Verifying_a_database_that_was_never_migrated_asks_for_the_migration_and_fails()
    {
        await using var database = await TestDatabase.CreateAsync(kind);

        var (exit, _, error) = await VerifyAsync(database);

        exit.ShouldBe(1);
        error.ShouldContain("pending migration(s)): run `reflexes migrate` first.");
    }

    [SkippableFact]
    public async Task Heads_deleted_from_the_database_to_hide_a_rewrite_are_caught_with_a_copy_kept_outside()
    {
        var kept = Path.Combine(Directory.CreateTempSubdirectory().FullName, "heads.json");
        await using var database = await LogWithHeadsAsync(signAfter: [4, 12], keepHeadsIn: kept);
        await using (var db = database.CreateContext())
        {
            var entry = await db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.Sequence == 6);
            var forged = entry.ToRecord() with { Purpose = "marketing" };
            await DropTriggersAsync(db);
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Purpose\" = {forged.Purpose}, \"LeafHash\" = {forged.LeafHash()} WHERE \"Sequence\" = 6");
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditTreeHeads\"");
        }

        var local = await VerifyAsync(database);
        var withCopy = await VerifyAsync(database, "--heads", kept);

        local.Exit.ShouldBe(0); // with every signed head gone, the database alone cannot tell
        withCopy.Exit.ShouldBe(2);
        withCopy.Error.ShouldContain("no longer matches the stored entries: an entry from 4 to 11");
        withCopy.Error.ShouldContain("kept outside the platform, is missing from the database");
    }

    [SkippableFact]
    public async Task A_kept_heads_file_that_is_not_json_is_bad_input_with_its_line_and_column()
    {
        await using var database = await LogWithHeadsAsync(signAfter: [12]);
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "heads.json");
        await File.WriteAllTextAsync(file, "{\n  \"treeHeads\": [ oops ]\n}");

        var (exit, _, error) = await VerifyAsync(database, "--heads", file);

        exit.ShouldBe(1);
        error.ShouldContain("heads.json: line 2, column 18: not valid JSON.");
    }

    private async Task<TestDatabase> LogWithHeadsAsync(int[] signAfter, string? keepHeadsIn = null)
    {
        var database = await TestDatabase.CreateAsync(kind);
        await using var app = new ReflexesAppFactory(database, new Dictionary<string, string?> { ["Database:SeedDemoOnEmpty"] = "false" });
        using var scope = app.Services.CreateScope();
        var log = scope.ServiceProvider.GetRequiredService<IAuditLog>();
        var signing = scope.ServiceProvider.GetRequiredService<AuditSigning>();
        for (var i = 1; i <= Entries; i++)
        {
            await log.AppendAsync(new AuditEvent($"user:agent-{i % 3}", "resident.read", "heat-wave-plan", $"resident:{100 + i}", AuditResult.Allowed), CancellationToken.None);
            if (signAfter.Contains(i))
            {
                await signing.SignNowAsync(CancellationToken.None);
            }
        }

        // What the sequencer job does within a second: every entry is in the log before the tampering starts.
        await scope.ServiceProvider.GetRequiredService<AuditSequencer>().IntegrateAsync(CancellationToken.None);

        if (keepHeadsIn is not null)
        {
            await File.WriteAllTextAsync(keepHeadsIn, await app.CreateClient().GetStringAsync(new Uri("/api/audit/tree-heads", UriKind.Relative)));
        }

        return database;
    }

    private static async Task TamperAsync(TestDatabase database, params string[] statements)
    {
        await using var db = database.CreateContext();
        await DropTriggersAsync(db);
        foreach (var sql in statements)
        {
            await db.Database.ExecuteSqlRawAsync(sql);
        }
    }

    // What a database administrator bent on hiding something would do first.
    private static async Task DropTriggersAsync(DbContext db)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntries\" DISABLE TRIGGER USER");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS \"AuditEntries_no_update\"");
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS \"AuditEntries_no_delete\"");
        }
    }

    private static async Task<(int Exit, string Output, string Error)> VerifyAsync(TestDatabase database, params string[] options)
    {
        var root = new RootCommand();
        CommandRegistry.AddAll(root);
        var target = database.Kind == DatabaseKind.Sqlite ? new[] { "--sqlite", database.SqlitePath! } : ["--postgres", database.PostgreSql!];
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await root.Parse(["audit", "verify", .. options, .. target]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}

public sealed class AuditTamperTests_OnSqlite() : AuditTamperTests(DatabaseKind.Sqlite);

public sealed class AuditTamperTests_OnPostgreSql() : AuditTamperTests(DatabaseKind.PostgreSql);
