namespace Reflexes.Web.Modules.DataTrust.Contracts;

/// <summary>
/// Writes every access decision to the tamper-evident audit log: who read, what, for which purpose,
/// about whom (the data subject's identifier, never a name), and whether it was allowed.
/// </summary>
public sealed class AccessJournal(IAuditLog log)
{
    /// <summary>The audit record of a read about a subject starts with this, so a person's trail is found by prefix.</summary>
    public static string SubjectRecordPrefix(Guid subjectId) => $"subject:{subjectId:N}";

    public async Task RecordAsync(AccessRequest request, string? readerId, AccessDecision decision, CancellationToken ct)
    {
        var record = SubjectRecordPrefix(request.SubjectId) + "/" + request.RecordRef;
        await log.AppendAsync(
            new AuditEvent(
                Truncate(readerId is null ? "anonymous" : "user:" + readerId, AuditEvent.ActorMaxLength),
                Truncate(request.Action, AuditEvent.ActionMaxLength),
                Truncate(request.PurposeCode + " (" + decision.Reason + ")", AuditEvent.PurposeMaxLength),
                Truncate(record, AuditEvent.RecordMaxLength),
                decision.Allowed ? AuditResult.Allowed : AuditResult.Denied),
            ct);
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
