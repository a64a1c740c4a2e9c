namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>
/// An assignment's life: proposed by the engine (seen by coordinators only), published to the volunteer,
/// accepted (confirmed: fixed in every re-plan) or declined, withdrawn by a coordinator or a re-plan.
/// </summary>
public enum AssignmentStatus
{
    Proposed,
    Published,
    Accepted,
    Declined,
    Withdrawn,
}
