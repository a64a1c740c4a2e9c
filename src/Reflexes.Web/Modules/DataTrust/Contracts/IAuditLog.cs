namespace Reflexes.Web.Modules.DataTrust.Contracts;

/// <summary>The one way modules write to the tamper-evident audit log.</summary>
public interface IAuditLog
{
    /// <summary>
    /// Appends an entry and returns its sequence number. Joins the caller's transaction when there is
    /// one (the entry then exists only if the caller commits), otherwise commits on its own.
    /// </summary>
    Task<long> AppendAsync(AuditEvent what, CancellationToken ct);
}
