namespace Reflexes.Web.Modules.Outreach.Domain;

/// <summary>Where a call campaign stands (stored by name).</summary>
public enum CampaignStatus
{
    /// <summary>Being prepared: targeting, script and rules can change; nobody is called.</summary>
    Draft,

    /// <summary>Callers take the next call.</summary>
    Running,

    /// <summary>Stopped for a while: no new call is handed out, calls in progress can be finished.</summary>
    Paused,

    /// <summary>Over for good; kept for its dashboard.</summary>
    Closed,
}
