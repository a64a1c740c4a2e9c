namespace Reflexes.Web.Modules.DataTrust.Contracts;

/// <summary>The one way modules write to the tamper-evident audit log.</summary>
public interface IAuditLog
{
    /// <summary>
    /// Records an entry. Joins the caller's transaction when there is one (the entry then exists only if
    /// the caller commits), otherwise commits on its own. The entry gets its sequence number in the
    /// Merkle tree shortly after, when the sequencer integrates it (docs/adr/0603); readers of the log
    /// integrate first, so they never miss it.
    /// </summary>
    Task AppendAsync(AuditEvent what, CancellationToken ct);
}
