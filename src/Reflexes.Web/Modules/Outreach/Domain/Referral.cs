using Reflexes.Web.Modules.DataTrust.Contracts;

namespace Reflexes.Web.Modules.Outreach.Domain;

/// <summary>
/// A difficulty a caller (or an agent) detected for a person in the register, sent to orientation so
/// the right service acts on it. It is personal data: every read goes through the access service.
/// </summary>
public sealed class Referral : IResidentData
{
    private Referral()
    {
    }

    public Guid Id { get; private set; }

    public Guid SubjectId { get; private set; }

    /// <summary>The registration the referral is about.</summary>
    public Guid RegistrantId { get; private set; }

    /// <summary>The campaign during which it was filed, if any.</summary>
    public Guid? CampaignId { get; private set; }

    /// <summary>The call during which it was filed, if any.</summary>
    public Guid? CallId { get; private set; }

    public NeedCategory Category { get; private set; }

    public ReferralUrgency Urgency { get; private set; }

    /// <summary>What the caller noticed, in their words.</summary>
    public string Details { get; private set; } = "";

    /// <summary>The person agreed that the details be shared with the receiving service.</summary>
    public bool ConsentToShare { get; private set; }

    public string FiledByUserId { get; private set; } = "";

    public DateTime FiledAtUtc { get; private set; }

    public ReferralStatus Status { get; private set; }

    /// <summary>The person's neighbourhood when the referral was filed (routing and statistics).</summary>
    public Guid? NeighbourhoodId { get; private set; }

    /// <summary>The receiving service (a Territory organisation) an orientator confirmed.</summary>
    public Guid? ServiceId { get; private set; }

    /// <summary>Who answers for the referral now: the orientator who routed it, then the service member who acknowledged it.</summary>
    public string? OwnerUserId { get; private set; }

    /// <summary>The orientator who last routed it: the service reaches the person through them when details are not shared.</summary>
    public string? OrientatorUserId { get; private set; }

    public DateTime? AssignedAtUtc { get; private set; }

    public DateTime? AcknowledgedAtUtc { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    /// <summary>The receiving service must acknowledge by then (counted from filing, by urgency).</summary>
    public DateTime AcknowledgeByUtc { get; private set; }

    /// <summary>The referral must be closed by then (counted from filing, by urgency).</summary>
    public DateTime CloseByUtc { get; private set; }

    /// <summary>When the escalation job told orientation that acknowledgement was late.</summary>
    public DateTime? AcknowledgementEscalatedAtUtc { get; private set; }

    /// <summary>When the escalation job told orientation that closure was late.</summary>
    public DateTime? ClosureEscalatedAtUtc { get; private set; }

    public ReferralOutcome? Outcome { get; private set; }

    public static Referral File(ReferralFiling filing, Guid subjectId, string filedByUserId, DateTime nowUtc) =>
        File(filing, subjectId, null, filedByUserId, nowUtc, ReferralDeadlines.Default);

    public static Referral File(ReferralFiling filing, Guid subjectId, Guid? neighbourhoodId, string filedByUserId, DateTime nowUtc, ReferralDeadlines deadlines)
    {
        ArgumentNullException.ThrowIfNull(filing);
        ArgumentNullException.ThrowIfNull(deadlines);
        var (acknowledge, close) = deadlines.For(filing.Urgency);
        return new()
        {
            Id = Guid.NewGuid(),
            SubjectId = subjectId,
            RegistrantId = filing.RegistrantId,
            CampaignId = filing.CampaignId,
            CallId = filing.CallId,
            Category = filing.Category,
            Urgency = filing.Urgency,
            Details = filing.Details.Trim(),
            ConsentToShare = filing.ConsentToShare,
            FiledByUserId = filedByUserId,
            FiledAtUtc = nowUtc,
            Status = ReferralStatus.Filed,
            NeighbourhoodId = neighbourhoodId,
            AcknowledgeByUtc = nowUtc + acknowledge,
            CloseByUtc = nowUtc + close,
        };
    }

    /// <summary>Whether a service may still act on it (it is theirs and not closed).</summary>
    public bool IsOpen => Status != ReferralStatus.Closed;

    /// <summary>The acknowledgement deadline passed and nobody acknowledged.</summary>
    public bool AcknowledgementOverdue(DateTime nowUtc) => AcknowledgedAtUtc is null && IsOpen && nowUtc > AcknowledgeByUtc;

    /// <summary>The closure deadline passed and it is still open.</summary>
    public bool ClosureOverdue(DateTime nowUtc) => IsOpen && nowUtc > CloseByUtc;

    /// <summary>An orientator sends it to a service (first routing, or a change of service before closure).</summary>
    public void Assign(Guid serviceId, string orientatorUserId, DateTime nowUtc)
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException("A closed referral is not routed again.");
        }

        ServiceId = serviceId;
        OrientatorUserId = orientatorUserId;
        OwnerUserId = orientatorUserId;
        AssignedAtUtc = nowUtc;
        AcknowledgedAtUtc = null;
        Status = ReferralStatus.Assigned;
    }

    /// <summary>The receiving service takes it in charge; whoever acknowledges becomes its owner.</summary>
    public void Acknowledge(string userId, DateTime nowUtc)
    {
        if (Status != ReferralStatus.Assigned)
        {
            throw new InvalidOperationException("Only a referral assigned to a service is acknowledged.");
        }

        AcknowledgedAtUtc = nowUtc;
        OwnerUserId = userId;
        Status = ReferralStatus.Acknowledged;
    }

    /// <summary>The service is acting on it.</summary>
    public void StartWork(string userId)
    {
        if (Status is not (ReferralStatus.Acknowledged or ReferralStatus.InProgress))
        {
            throw new InvalidOperationException("A referral is worked on once acknowledged.");
        }

        OwnerUserId = userId;
        Status = ReferralStatus.InProgress;
    }

    /// <summary>The service hands it back to orientation (not theirs to handle): it waits in the queue again.</summary>
    public void ReturnToOrientation()
    {
        if (Status is not (ReferralStatus.Assigned or ReferralStatus.Acknowledged or ReferralStatus.InProgress))
        {
            throw new InvalidOperationException("Only a referral at a service is handed back.");
        }

        ServiceId = null;
        OwnerUserId = null;
        AcknowledgedAtUtc = null;
        Status = ReferralStatus.Filed;
    }

    public void Close(ReferralOutcome outcome, string userId, DateTime nowUtc)
    {
        if (Status is not (ReferralStatus.Acknowledged or ReferralStatus.InProgress))
        {
            throw new InvalidOperationException("A referral is closed by the service that acknowledged it.");
        }

        Outcome = outcome;
        OwnerUserId = userId;
        ClosedAtUtc = nowUtc;
        Status = ReferralStatus.Closed;
    }
}

/// <summary>What a caller fills in to file a referral.</summary>
public sealed record ReferralFiling(
    Guid RegistrantId, Guid? CampaignId, Guid? CallId, NeedCategory Category, ReferralUrgency Urgency, string Details, bool ConsentToShare)
{
    public const int DetailsMaxLength = 2000;

    /// <summary>Each problem as (field, message key); empty when the filing can be kept.</summary>
    public IReadOnlyList<(string Field, string Key)> Validate()
    {
        var errors = new List<(string, string)>();
        if (!Enum.IsDefined(Category))
        {
            errors.Add((nameof(Category), "referral.error.category"));
        }

        if (!Enum.IsDefined(Urgency))
        {
            errors.Add((nameof(Urgency), "referral.error.urgency"));
        }

        if (string.IsNullOrWhiteSpace(Details) || Details.Trim().Length > DetailsMaxLength)
        {
            errors.Add((nameof(Details), "referral.error.details"));
        }

        return errors;
    }
}
