using Reflexes.Web.Modules.DataTrust.Contracts;

namespace Reflexes.Web.Modules.DataTrust.Audit;

/// <summary>
/// The trace of an access, written in the access's own transaction without any lock, waiting for the
/// sequencer (<see cref="AuditSequencer"/>) to give it its sequence number and move it into the log
/// (docs/adr/0603). Its time is the time of the access and becomes the entry's hashed time.
/// </summary>
public sealed class PendingAuditEntry
{
    private PendingAuditEntry()
    {
    }

    /// <summary>
    /// Given by the database (an identity column: no lock held until commit), it orders pending entries:
    /// of two accesses made one after the other, the first gets the smaller number.
    /// </summary>
    public long Id { get; private set; }

    public DateTime OccurredAtUtc { get; private set; }

    public string Actor { get; private set; } = "";

    public string Action { get; private set; } = "";

    public string? Purpose { get; private set; }

    public string? Record { get; private set; }

    public string Result { get; private set; } = "";

    internal static PendingAuditEntry Of(DateTimeOffset now, AuditEvent what)
    {
        // The hashed time has millisecond precision; the stored one must read back identical.
        var at = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
        return new PendingAuditEntry
        {
            OccurredAtUtc = at.UtcDateTime,
            Actor = what.Actor,
            Action = what.Action,
            Purpose = what.Purpose,
            Record = what.Record,
            Result = what.Result.ToString(),
        };
    }
}
