using Reflexes.Audit;

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

    /// <summary>SHA-256(0x00 ‖ canonical encoding), computed once when the entry is integrated.</summary>
    public byte[] LeafHash { get; private set; } = [];

    /// <summary>Gives a pending entry its place in the log; its time (millisecond precision) is the time of the access.</summary>
    internal static AuditEntry Integrate(long sequence, PendingAuditEntry pending)
    {
        var entry = new AuditEntry
        {
            Sequence = sequence,
            OccurredAtUtc = DateTime.SpecifyKind(pending.OccurredAtUtc, DateTimeKind.Utc),
            Actor = pending.Actor,
            Action = pending.Action,
            Purpose = pending.Purpose,
            Record = pending.Record,
            Result = pending.Result,
        };
        entry.LeafHash = entry.ToRecord().LeafHash();
        return entry;
    }

    public AuditRecord ToRecord() => new(
        Sequence, new DateTimeOffset(DateTime.SpecifyKind(OccurredAtUtc, DateTimeKind.Utc)), Actor, Action, Purpose, Record, Result);

    public StoredAuditEntry ToStored() => new(ToRecord(), LeafHash);
}
