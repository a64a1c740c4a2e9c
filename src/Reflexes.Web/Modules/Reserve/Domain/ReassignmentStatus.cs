namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>Where a reassignment period stands.</summary>
public enum ReassignmentStatus
{
    /// <summary>Asked for; waiting for the home manager.</summary>
    Requested,

    /// <summary>The home manager approved it: the agent's half-days in the period can be planned.</summary>
    Approved,

    /// <summary>The home manager refused it.</summary>
    Refused,

    /// <summary>Withdrawn by the agent before it started.</summary>
    Cancelled,

    /// <summary>The agent is back in their home service.</summary>
    Ended,
}
