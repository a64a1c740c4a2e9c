using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.DataTrust.Audit;

/// <summary>
/// Appends audit entries with gap-free, duplicate-free sequence numbers, whatever the number of app
/// instances: on PostgreSQL each append takes a transaction-scoped advisory lock before reading the last
/// number; SQLite has a single writer (Microsoft.Data.Sqlite begins transactions IMMEDIATE). The primary
/// key on the sequence number is the last guard.
/// </summary>
internal sealed class AuditLog(ReflexesDbContext db, TimeProvider clock) : IAuditLog
{
    internal const long AppendLockKey = 0x524546415544; // "REFAUD"

    public async Task<long> AppendAsync(AuditEvent what, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(what);
        Check(what.Actor, AuditEvent.ActorMaxLength, nameof(what.Actor), required: true);
        Check(what.Action, AuditEvent.ActionMaxLength, nameof(what.Action), required: true);
        Check(what.Purpose, AuditEvent.PurposeMaxLength, nameof(what.Purpose), required: false);
        Check(what.Record, AuditEvent.RecordMaxLength, nameof(what.Record), required: false);

        await using var transaction = await OwnedTransaction.BeginAsync(db, ct);
        await LockAppendsAsync(db, ct);
        var last = await db.Set<AuditEntry>().MaxAsync(e => (long?)e.Sequence, ct);
        var entry = AuditEntry.Append((last ?? -1) + 1, clock.GetUtcNow(), what);
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return entry.Sequence;
    }

    /// <summary>Serialises appends (and the reading of a consistent size for signing) across instances.</summary>
    internal static async Task LockAppendsAsync(ReflexesDbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AppendLockKey})", ct);
        }
    }

    private static void Check(string? value, int maxLength, string name, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"An audit entry needs a {name}.", name);
        }

        if (value is not null && value.Length > maxLength)
        {
            throw new ArgumentException($"An audit entry's {name} has at most {maxLength} characters.", name);
        }
    }
}
