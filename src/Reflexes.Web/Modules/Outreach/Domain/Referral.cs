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

    public static Referral File(ReferralFiling filing, Guid subjectId, string filedByUserId, DateTime nowUtc) => new()
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
    };
}

/// <summary>What a caller fills in to file a referral.</summary>
public sealed record ReferralFiling(
    Guid RegistrantId, Guid? CampaignId, Guid? CallId, NeedCategory Category, ReferralUrgency Urgency, string Details, bool ConsentToShare)
{
    public const int DetailsMaxLength = 2000;
}
