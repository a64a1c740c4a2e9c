namespace Reflexes.Matching.Planning;

/// <summary>Why a slot kept empty places, checked in this order.</summary>
public enum UnfilledReason
{
    /// <summary>No volunteer offers that half-day.</summary>
    NoOneAvailable,

    /// <summary>Volunteers offer the half-day but none has every required skill.</summary>
    Skills,

    /// <summary>Some have the skills but none speaks every required language.</summary>
    Languages,

    /// <summary>Some have skills and languages but the slot is beyond their maximum travel distance.</summary>
    Distance,

    /// <summary>Volunteers could come but are needed elsewhere that half-day or have reached their caps.</summary>
    Caps,
}
