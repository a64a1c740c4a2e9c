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

/// <summary>Reads the shared person fieldset of the registration and correction forms.</summary>
public static class PersonFieldsReading
{
    /// <summary>The details as typed; every problem is added to the page's errors, tied to its field.</summary>
    public static RegistrantDetails ReadDetails(this IPersonFields fields, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var details = new RegistrantDetails(fields.FirstName ?? "", fields.LastName ?? "", fields.BirthDate ?? DateOnly.MaxValue, fields.Address ?? "",
            fields.NeighbourhoodId, fields.Phone ?? "", fields.OtherPhone, fields.AlertContact, fields.Ground ?? (EligibilityGround)(-1));
        foreach (var (field, key) in details.Validate(today))
        {
            fields.Errors.Add(field, key);
        }

        if (fields.NeighbourhoodId is { } n && !fields.Neighbourhoods.ContainsKey(n))
        {
            fields.Errors.Add(nameof(IPersonFields.NeighbourhoodId), "registry.error.neighbourhood");
        }

        return details;
    }
}
