namespace Reflexes.Web.Modules.Outreach.Domain;

/// <summary>How soon a referral must be acted upon; each level has its own deadlines.</summary>
public enum ReferralUrgency
{
    /// <summary>Same day.</summary>
    Urgent,

    /// <summary>Within a few days.</summary>
    Soon,

    /// <summary>Within the usual service delays.</summary>
    Normal,
}
