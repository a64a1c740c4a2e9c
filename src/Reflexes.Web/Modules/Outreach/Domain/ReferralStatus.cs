namespace Reflexes.Web.Modules.Outreach.Domain;

/// <summary>Where a referral stands on its way to closure (stored by name).</summary>
public enum ReferralStatus
{
    /// <summary>Filed by a caller, waiting in the orientation queue.</summary>
    Filed,

    /// <summary>An orientator confirmed the receiving service.</summary>
    Assigned,

    /// <summary>The receiving service acknowledged it.</summary>
    Acknowledged,

    /// <summary>The receiving service is acting on it.</summary>
    InProgress,

    /// <summary>Closed by the receiving service with an outcome.</summary>
    Closed,
}
