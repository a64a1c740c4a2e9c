namespace Reflexes.Web.Modules.Outreach.Domain;

/// <summary>A caller's experience: beginners get simple calls only, complex situations go to experienced callers.</summary>
public enum CallerLevel
{
    Beginner,
    Experienced,
    Expert,
}

/// <summary>Where a caller comes from.</summary>
public enum CallerKind
{
    /// <summary>A member of staff (an agent of the city or its social action centre).</summary>
    Staff,

    /// <summary>A resident volunteering through the civic reserve.</summary>
    Reserve,
}
