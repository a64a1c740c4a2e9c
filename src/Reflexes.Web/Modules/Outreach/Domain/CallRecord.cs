using Reflexes.Web.Modules.DataTrust.Contracts;

namespace Reflexes.Web.Modules.Outreach.Domain;

/// <summary>
/// One call to a person: handed to a caller (claimed), then ended with an outcome, the answers to the
/// script and the caller's notes. Personal data: every read goes through the access service.
/// </summary>
public sealed class CallRecord : IResidentData
{
    public const int NotesMaxLength = 2000;

    private CallRecord()
    {
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    public Guid TargetId { get; private set; }

    public Guid RegistrantId { get; private set; }

    public Guid SubjectId { get; private set; }

    public Guid CallerId { get; private set; }

    public string CallerUserId { get; private set; } = "";

    /// <summary>The hand-out this call belongs to (see <see cref="CallTarget.ReservationToken"/>).</summary>
    public Guid ReservationToken { get; private set; }

    /// <summary>Which try this is since the person was last reached (1 for the first).</summary>
    public int Attempt { get; private set; }

    public DateTime ClaimedAtUtc { get; private set; }

    public DateTime? EndedAtUtc { get; private set; }

    public CallOutcome? Outcome { get; private set; }

    /// <summary>The answers, one per script question, as a JSON array of strings.</summary>
    public string? AnswersJson { get; private set; }

    public string? Notes { get; private set; }

    public DateTime? CallBackAtUtc { get; private set; }

    /// <summary>The call was recorded after its reservation had ended (the person may have been handed to someone else meanwhile).</summary>
    public bool Late { get; private set; }

    public static CallRecord Claimed(Guid campaignId, Guid targetId, Guid registrantId, Guid subjectId, Guid callerId, string callerUserId,
        Guid token, int attempt, DateTime nowUtc) => new()
        {
            Id = Guid.NewGuid(),
            CampaignId = campaignId,
            TargetId = targetId,
            RegistrantId = registrantId,
            SubjectId = subjectId,
            CallerId = callerId,
            CallerUserId = callerUserId,
            ReservationToken = token,
            Attempt = attempt,
            ClaimedAtUtc = nowUtc,
        };
}
