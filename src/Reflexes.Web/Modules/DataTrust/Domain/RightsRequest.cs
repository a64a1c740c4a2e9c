using Reflexes.Web.Modules.DataTrust.Contracts;

namespace Reflexes.Web.Modules.DataTrust.Domain;

/// <summary>
/// A person's request to exercise a right, answered within one month of receipt; the controller may
/// extend that by two further months, saying why (GDPR article 12(3)).
/// </summary>
public sealed class RightsRequest
{
    public const int MaxDetailsLength = 4000;
    public const int MaxExtensionMonths = 2;

    private RightsRequest()
    {
    }

    public Guid Id { get; private set; }

    public Guid SubjectId { get; private set; }

    public RightKind Kind { get; private set; }

    public string Details { get; private set; } = "";

    public ConsentChannel Channel { get; private set; }

    public string FiledByUserId { get; private set; } = "";

    public DateTime ReceivedAtUtc { get; private set; }

    public DateOnly DueOn { get; private set; }

    public DateOnly? ExtendedUntil { get; private set; }

    public string? ExtensionReason { get; private set; }

    public RightsRequestStatus Status { get; private set; }

    public string? Outcome { get; private set; }

    /// <summary>For an erasure: what was erased and what was kept, and why.</summary>
    public string? ErasureReport { get; private set; }

    public string? HandledByUserId { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    public DateOnly Deadline => ExtendedUntil ?? DueOn;

    public static RightsRequest File(Guid subjectId, RightKind kind, string details, ConsentChannel channel, string filedByUserId, DateTime nowUtc)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind));
        }

        if (details.Trim().Length > MaxDetailsLength)
        {
            throw new ArgumentException("Too long.", nameof(details));
        }

        return new RightsRequest
        {
            Id = Guid.NewGuid(),
            SubjectId = subjectId,
            Kind = kind,
            Details = details.Trim(),
            Channel = channel,
            FiledByUserId = filedByUserId,
            ReceivedAtUtc = nowUtc,
            DueOn = DateOnly.FromDateTime(nowUtc).AddMonths(1),
            Status = RightsRequestStatus.Open,
        };
    }

    public bool IsOverdue(DateOnly today) => Status == RightsRequestStatus.Open && today > Deadline;

    public void Extend(int months, string reason, string byUserId)
    {
        EnsureOpen();
        if (ExtendedUntil is not null)
        {
            throw new InvalidOperationException("The deadline has already been extended.");
        }

        if (months is < 1 or > MaxExtensionMonths)
        {
            throw new ArgumentOutOfRangeException(nameof(months), "An extension is one or two months.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ExtendedUntil = DueOn.AddMonths(months);
        ExtensionReason = reason.Trim();
        HandledByUserId = byUserId;
    }

    public void Complete(string outcome, string? erasureReport, string byUserId, DateTime nowUtc)
    {
        EnsureOpen();
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        Status = RightsRequestStatus.Completed;
        Outcome = outcome.Trim();
        ErasureReport = erasureReport;
        HandledByUserId = byUserId;
        ClosedAtUtc = nowUtc;
    }

    public void Refuse(string reason, string byUserId, DateTime nowUtc)
    {
        EnsureOpen();
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Status = RightsRequestStatus.Refused;
        Outcome = reason.Trim();
        HandledByUserId = byUserId;
        ClosedAtUtc = nowUtc;
    }

    private void EnsureOpen()
    {
        if (Status != RightsRequestStatus.Open)
        {
            throw new InvalidOperationException("This request is closed.");
        }
    }
}
