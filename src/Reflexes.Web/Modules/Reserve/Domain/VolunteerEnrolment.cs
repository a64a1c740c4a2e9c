namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>How the volunteer joined the reserve.</summary>
public enum VolunteerEnrolment
{
    /// <summary>The person signed up with their own account.</summary>
    SelfService,

    /// <summary>A coordinator registered them (phone, paper form, counter).</summary>
    ByCoordinator,

    /// <summary>An agent of the staff directory joined with their professional account.</summary>
    StaffDirectory,
}
