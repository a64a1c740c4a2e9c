namespace Reflexes.Web.Modules.Outreach.Domain;

/// <summary>Where a registration stands.</summary>
public enum RegistrantStatus
{
    /// <summary>The person agreed: they are called and helped during an alert.</summary>
    Active,

    /// <summary>A third party asked for it online; an agent must confirm with the person by phone first (ADR 0530).</summary>
    ToConfirm,
}
