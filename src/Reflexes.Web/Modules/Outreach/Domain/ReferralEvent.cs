using Reflexes.Web.Modules.DataTrust.Contracts;

namespace Reflexes.Web.Modules.Outreach.Domain;

/// <summary>
/// One line of a referral's history: who did what, when. Notes speak of the person, so the history is
/// resident data like the referral itself.
/// </summary>
public sealed class ReferralEvent : IResidentData
{
    public const int NoteMaxLength = 2000;

    /// <summary>The actor recorded when the escalation job acts.</summary>
    public const string EscalationActor = "system:escalation";

    private ReferralEvent()
    {
    }

    public Guid Id { get; private set; }

    public Guid ReferralId { get; private set; }

    public Guid SubjectId { get; private set; }

    public DateTime AtUtc { get; private set; }

    /// <summary>The account that acted, or <see cref="EscalationActor"/>.</summary>
    public string ActorUserId { get; private set; } = "";

    public ReferralEventKind Kind { get; private set; }

    /// <summary>The status after the event.</summary>
    public ReferralStatus Status { get; private set; }

    /// <summary>The service concerned (routing events).</summary>
    public Guid? ServiceId { get; private set; }

    public string? Note { get; private set; }

    public static ReferralEvent Record(Referral referral, ReferralEventKind kind, string actorUserId, DateTime nowUtc, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(referral);
        return For(referral.Id, referral.SubjectId, kind, referral.Status, referral.ServiceId, actorUserId, nowUtc, note);
    }

    public static ReferralEvent For(
        Guid referralId, Guid subjectId, ReferralEventKind kind, ReferralStatus status, Guid? serviceId, string actorUserId, DateTime nowUtc, string? note = null) => new()
        {
            Id = Guid.NewGuid(),
            ReferralId = referralId,
            SubjectId = subjectId,
            AtUtc = nowUtc,
            ActorUserId = actorUserId,
            Kind = kind,
            Status = status,
            ServiceId = serviceId,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
}

/// <summary>What happened to a referral (stored by name).</summary>
public enum ReferralEventKind
{
    Filed,
    RouteConfirmed,
    RouteOverridden,
    Acknowledged,
    InProgress,
    Note,
    ReturnedToOrientation,
    Closed,
    AcknowledgementEscalated,
    ClosureEscalated,
}
