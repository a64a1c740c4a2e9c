namespace Reflexes.Web.Modules.Outreach.Domain;

/// <summary>How a receiving service closed a referral (stored by name).</summary>
public enum ReferralOutcome
{
    /// <summary>The service provided the help the person needed.</summary>
    HelpProvided,

    /// <summary>The service sent the person on to another body that took it over.</summary>
    SentElsewhere,

    /// <summary>The person did not want help after all.</summary>
    PersonDeclined,

    /// <summary>The service could not reach the person.</summary>
    Unreachable,

    /// <summary>The need was already met when the service called.</summary>
    NoLongerNeeded,
}
