using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.DataTrust.Audit;

/// <summary>
/// Moves pending entries into the log: under the append lock (PostgreSQL advisory lock; SQLite's single
/// writer) it reads the last sequence number, numbers the pending entries in the order of their identity
/// key, computes their leaf hashes, inserts them and deletes the pending rows, all
/// in one transaction. Run every second by <see cref="AuditSequencerJob"/> on every instance, and by
/// every reader of the log before it reads (docs/adr/0603).
/// </summary>
public sealed class AuditSequencer(ReflexesDbContext db)
{
    internal const int BatchSize = 2000;

    /// <summary>Integrates every entry committed so far; returns how many this call integrated.</summary>
    public async Task<int> IntegrateAsync(CancellationToken ct)
    {
        var total = 0;
        // Cheap check without the lock: most ticks find nothing to do.
        while (await db.Set<PendingAuditEntry>().AnyAsync(ct))
        {
            var integrated = await IntegrateBatchAsync(ct);
            total += integrated;
            if (integrated < BatchSize)
            {
                break;
            }
        }

        return total;
    }

    private async Task<int> IntegrateBatchAsync(CancellationToken ct)
    {
        await using var transaction = await OwnedTransaction.BeginAsync(db, ct);
        await AuditLog.LockAppendsAsync(db, ct);

        // Read after the lock: whatever another sequencer integrated before us is gone from here and in the log.
        var pending = await db.Set<PendingAuditEntry>().AsNoTracking()
            .OrderBy(p => p.Id).Take(BatchSize).ToListAsync(ct);
        if (pending.Count == 0)
        {
            await transaction.CommitAsync(ct);
            return 0;
        }

        var last = await db.Set<AuditEntry>().MaxAsync(e => (long?)e.Sequence, ct);
        var next = (last ?? -1) + 1;
        var entries = pending.Select(p => AuditEntry.Integrate(next++, p)).ToList();
        db.AddRange(entries);
        await db.SaveChangesAsync(ct);

        var ids = pending.Select(p => p.Id).ToList();
        var removed = await db.Set<PendingAuditEntry>().Where(p => ids.Contains(p.Id)).ExecuteDeleteAsync(ct);
        if (removed != pending.Count)
        {
            // Someone else integrated (or removed) some of them meanwhile: never number an entry twice.
            throw new InvalidOperationException(
                $"Integrating {pending.Count} pending audit entries removed {removed}: another sequencer ran without the lock. Nothing was integrated.");
        }

        await transaction.CommitAsync(ct);
        foreach (var entry in entries)
        {
            db.Entry(entry).State = EntityState.Detached;
        }

        return pending.Count;
    }
}
