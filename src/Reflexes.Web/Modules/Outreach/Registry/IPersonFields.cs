using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.Outreach.Registry;

/// <summary>What the shared person fieldset of the registration and correction forms shows.</summary>
public interface IPersonFields
{
    string FirstName { get; }

    string LastName { get; }

    DateOnly? BirthDate { get; }

    string Address { get; }

    Guid? NeighbourhoodId { get; }

    string Phone { get; }

    string? OtherPhone { get; }

    string? AlertContact { get; }

    EligibilityGround? Ground { get; }

    IReadOnlyDictionary<Guid, string> Neighbourhoods { get; }

    FormErrors Errors { get; }
}
