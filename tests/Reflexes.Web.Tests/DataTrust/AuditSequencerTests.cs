using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reflexes.Testing;
using Reflexes.Web.Modules.DataTrust.Audit;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.DataTrust;

/// <summary>
/// Entries recorded as pending rows with their access, integrated into the log by the sequencer
/// (docs/adr/0603): nothing lost, nothing numbered twice, nothing moved once numbered. Once per database.
/// </summary>
public abstract class AuditSequencerTests(DatabaseKind kind)
{
    private static Dictionary<string, string?> Settings(string integrationInterval) => new()
    {
        ["Database:SeedDemoOnEmpty"] = "false",
        ["Audit:IntegrationInterval"] = integrationInterval,
    };

    [SkippableFact]
    public async Task Two_instances_recording_while_two_sequencers_integrate_number_every_entry_once_without_gaps()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        // The background job runs too, every 50 ms on each instance, on top of the explicit sequencers.
        await using var first = new ReflexesAppFactory(database, Settings("00:00:00.050"));
        await using var second = new ReflexesAppFactory(database, Settings("00:00:00.050"));
        _ = first.Server;
        _ = second.Server;

        using var writing = new CancellationTokenSource();
        var sequencers = new[] { first, second }.Select(app => Task.Run(async () =>
        {
            var integrated = 0;
            while (!writing.IsCancellationRequested)
            {
                await using var scope = app.Services.CreateAsyncScope();
                integrated += await scope.ServiceProvider.GetRequiredService<AuditSequencer>().IntegrateAsync(CancellationToken.None);
            }

            return integrated;
        })).ToList();
        var writers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            var app = w % 2 == 0 ? first : second;
            for (var i = 0; i < 25; i++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IAuditLog>()
                    .AppendAsync(new AuditEvent($"user:writer-{w}", "resident.read", "heat-wave-plan", $"resident:{i}", AuditResult.Allowed), CancellationToken.None);
            }
        }));
        await Task.WhenAll(writers);
        await writing.CancelAsync();
        await Task.WhenAll(sequencers); // a sequencer that collided with the other would have thrown here

        await using var db = database.CreateContext();
        var entries = await (await db.IntegratedAuditAsync()).AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        entries.Select(e => e.Sequence).ShouldBe(Enumerable.Range(0, 150).Select(i => (long)i));
        entries.Select(e => (e.Actor, e.Record)).Distinct().Count().ShouldBe(150);
        (await db.Set<PendingAuditEntry>().CountAsync()).ShouldBe(0);
        foreach (var writer in entries.GroupBy(e => e.Actor))
        {
            // One writer's entries, recorded one after the other, keep that order in the log.
            writer.Select(e => e.Record).ShouldBe(Enumerable.Range(0, 25).Select(i => $"resident:{i}"));
        }

        var report = await new AuditVerification(db, new AuditSequencer(db)).VerifyAsync(null, null, CancellationToken.None);
        report.IsIntact.ShouldBeTrue(string.Join("; ", report.Problems.Select(p => p.Message)));
    }

    [SkippableFact]
    public async Task An_entry_is_kept_exactly_when_the_access_transaction_commits_even_before_it_is_integrated()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var app = new ReflexesAppFactory(database, Settings("01:00:00")); // no integration by the job
        _ = app.Server;

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReflexesDbContext>();
            var log = scope.ServiceProvider.GetRequiredService<IAuditLog>();
            await using (var rolledBack = await db.Database.BeginTransactionAsync())
            {
                await log.AppendAsync(new AuditEvent("user:agent", "resident.read", "heat-wave-plan", "resident:rolled-back", AuditResult.Allowed), CancellationToken.None);
                await rolledBack.RollbackAsync();
            }

            db.ChangeTracker.Clear();
            await using var committed = await db.Database.BeginTransactionAsync();
            await log.AppendAsync(new AuditEvent("user:agent", "resident.read", "heat-wave-plan", "resident:committed", AuditResult.Allowed), CancellationToken.None);
            await committed.CommitAsync();
        }

        await using var check = database.CreateContext();
        (await check.Set<PendingAuditEntry>().Select(p => p.Record).ToListAsync()).ShouldBe(["resident:committed"]);
        (await check.Set<AuditEntry>().CountAsync()).ShouldBe(0);

        var log2 = await (await check.IntegratedAuditAsync()).AsNoTracking().ToListAsync();
        log2.Select(e => (e.Sequence, e.Record)).ShouldBe([(0L, "resident:committed")]);
        (await check.Set<PendingAuditEntry>().CountAsync()).ShouldBe(0);
    }

    [SkippableFact]
    public async Task Integrated_entries_keep_their_number_time_and_hash_when_later_ones_are_integrated()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var app = new ReflexesAppFactory(database, Settings("01:00:00"));
        _ = app.Server;

        await RecordAsync(app, 0, 5);
        await using var db = database.CreateContext();
        var before = await (await db.IntegratedAuditAsync()).AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        await RecordAsync(app, 5, 5);
        await new AuditSequencer(db).IntegrateAsync(CancellationToken.None);
        (await new AuditSequencer(db).IntegrateAsync(CancellationToken.None)).ShouldBe(0); // nothing integrated twice
        var after = await db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();

        after.Count.ShouldBe(10);
        after.Select(e => e.Record).ShouldBe(Enumerable.Range(0, 10).Select(i => $"resident:{i}"));
        after.Take(5).Select(e => (e.Sequence, e.OccurredAtUtc, Convert.ToBase64String(e.LeafHash)))
            .ShouldBe(before.Select(e => (e.Sequence, e.OccurredAtUtc, Convert.ToBase64String(e.LeafHash))));
        after.Select(e => Convert.ToBase64String(e.ToRecord().LeafHash())).ShouldBe(after.Select(e => Convert.ToBase64String(e.LeafHash)));
    }

    [SkippableFact]
    public async Task A_signed_head_and_the_proofs_cover_entries_recorded_just_before_even_if_the_job_has_not_run()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var app = new ReflexesAppFactory(database, Settings("01:00:00"));
        _ = app.Server;

        await RecordAsync(app, 0, 7);
        await using var scope = app.Services.CreateAsyncScope();
        var head = await scope.ServiceProvider.GetRequiredService<AuditSigning>().SignNowAsync(CancellationToken.None);

        head.TreeSize.ShouldBe(7);
        await RecordAsync(app, 7, 2);
        var tree = await scope.ServiceProvider.GetRequiredService<AuditProofs>().TreeAsync(CancellationToken.None);
        tree.Size.ShouldBe(9);
        tree.Root(7).ShouldBe(head.RootHash);
    }

    private static async Task RecordAsync(ReflexesAppFactory app, int from, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<IAuditLog>();
        for (var i = from; i < from + count; i++)
        {
            await log.AppendAsync(new AuditEvent("user:agent", "resident.read", "heat-wave-plan", $"resident:{i}", AuditResult.Allowed), CancellationToken.None);
        }
    }
}

public sealed class AuditSequencerTests_OnSqlite() : AuditSequencerTests(DatabaseKind.Sqlite);

public sealed class AuditSequencerTests_OnPostgreSql() : AuditSequencerTests(DatabaseKind.PostgreSql);
