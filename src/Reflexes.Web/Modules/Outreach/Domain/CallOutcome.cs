namespace Reflexes.Web.Modules.Outreach.Domain;

/// <summary>How a call ended (stored by name).</summary>
public enum CallOutcome
{
    /// <summary>The person answered and the script was gone through.</summary>
    Reached,

    /// <summary>Nobody answered: retried after the campaign's delay, up to its number of tries.</summary>
    NoAnswer,

    WrongNumber,

    Moved,

    Deceased,

    /// <summary>The person did not want to talk.</summary>
    Refused,

    /// <summary>The person asked to be called back at a given time.</summary>
    CallBack,
}
