using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.DataTrust.Audit;

/// <summary>
/// Records audit entries without any lock: the entry is written as a pending row in the caller's
/// transaction (so an access and its trace are committed together), and <see cref="AuditSequencer"/>
/// later gives it its gap-free sequence number under the append lock (docs/adr/0603).
/// </summary>
internal sealed class AuditLog(ReflexesDbContext db, TimeProvider clock) : IAuditLog
{
    internal const long AppendLockKey = 0x524546415544; // "REFAUD"

    public async Task AppendAsync(AuditEvent what, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(what);
        Check(what.Actor, AuditEvent.ActorMaxLength, nameof(what.Actor), required: true);
        Check(what.Action, AuditEvent.ActionMaxLength, nameof(what.Action), required: true);
        Check(what.Purpose, AuditEvent.PurposeMaxLength, nameof(what.Purpose), required: false);
        Check(what.Record, AuditEvent.RecordMaxLength, nameof(what.Record), required: false);

        // One INSERT: in the caller's transaction when there is one (committed or rolled back with the access),
        // otherwise committed by itself — a single statement needs no transaction of its own (docs/adr/0516).
        var entry = PendingAuditEntry.Of(clock.GetUtcNow(), what);
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        // Not kept in the change tracker: a list of thousands of reads would make every later save scan them all.
        db.Entry(entry).State = EntityState.Detached;
    }

    /// <summary>Serialises the integration of pending entries (and the reading of a consistent size for signing) across instances.</summary>
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
