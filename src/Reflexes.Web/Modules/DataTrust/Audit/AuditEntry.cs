using Reflexes.Audit;
using Reflexes.Web.Modules.DataTrust.Contracts;

namespace Reflexes.Web.Modules.DataTrust.Audit;

/// <summary>
/// One row of the append-only audit log: who did what, for which purpose, on which record, when, with
/// what result. Its sequence number is its leaf index in the Merkle tree and part of the hashed data.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public long Sequence { get; private set; }

    public DateTime OccurredAtUtc { get; private set; }

    public string Actor { get; private set; } = "";

    public string Action { get; private set; } = "";

    public string? Purpose { get; private set; }

    public string? Record { get; private set; }

    public string Result { get; private set; } = "";

    /// <summary>SHA-256(0x00 ‖ canonical encoding), computed once when the entry is appended.</summary>
    public byte[] LeafHash { get; private set; } = [];

    internal static AuditEntry Append(long sequence, DateTimeOffset now, AuditEvent what)
    {
        var entry = new AuditEntry
        {
            Sequence = sequence,
            // The hashed time has millisecond precision; the stored one must read back identical.
            OccurredAtUtc = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()).UtcDateTime,
            Actor = what.Actor,
            Action = what.Action,
            Purpose = what.Purpose,
            Record = what.Record,
            Result = what.Result.ToString(),
        };
        entry.LeafHash = entry.ToRecord().LeafHash();
        return entry;
    }

    public AuditRecord ToRecord() => new(
        Sequence, new DateTimeOffset(DateTime.SpecifyKind(OccurredAtUtc, DateTimeKind.Utc)), Actor, Action, Purpose, Record, Result);

    public StoredAuditEntry ToStored() => new(ToRecord(), LeafHash);
}
