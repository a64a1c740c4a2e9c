using System.Text.RegularExpressions;

namespace Reflexes.Web.Modules.Outreach.Domain;

/// <summary>What a registration says about the person, checked before it is kept.</summary>
public sealed partial record RegistrantDetails(
    string FirstName,
    string LastName,
    DateOnly BirthDate,
    string Address,
    Guid? NeighbourhoodId,
    string Phone,
    string? OtherPhone,
    string? AlertContact,
    EligibilityGround Ground)
{
    /// <summary>Each problem as (field, message key).</summary>
    public IReadOnlyList<(string Field, string Key)> Validate(DateOnly today)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(FirstName) || FirstName.Trim().Length > 100)
        {
            errors.Add((nameof(FirstName), "registry.error.first-name"));
        }

        if (string.IsNullOrWhiteSpace(LastName) || LastName.Trim().Length > 100)
        {
            errors.Add((nameof(LastName), "registry.error.last-name"));
        }

        var age = today.Year - BirthDate.Year - (today < BirthDate.AddYears(today.Year - BirthDate.Year) ? 1 : 0);
        if (BirthDate > today || age > 125)
        {
            errors.Add((nameof(BirthDate), "registry.error.birth-date"));
        }
        else if ((Ground == EligibilityGround.Age65Plus && age < 65) || (Ground == EligibilityGround.Age60UnfitForWork && age < 60) || age < 18)
        {
            errors.Add((nameof(Ground), "registry.error.ground-age"));
        }

        if (string.IsNullOrWhiteSpace(Address) || Address.Trim().Length > 300)
        {
            errors.Add((nameof(Address), "registry.error.address"));
        }

        if (!IsPhone(Phone))
        {
            errors.Add((nameof(Phone), "registry.error.phone"));
        }

        if (!string.IsNullOrWhiteSpace(OtherPhone) && !IsPhone(OtherPhone))
        {
            errors.Add((nameof(OtherPhone), "registry.error.phone"));
        }

        if (AlertContact?.Trim().Length > 300)
        {
            errors.Add((nameof(AlertContact), "registry.error.alert"));
        }

        if (!Enum.IsDefined(Ground))
        {
            errors.Add((nameof(Ground), "registry.error.ground"));
        }

        return errors;
    }

    private static bool IsPhone(string? value) => value is not null && PhonePattern().IsMatch(value.Trim());

    [GeneratedRegex(@"^\+?[0-9][0-9 .\-]{7,18}[0-9]$")]
    private static partial Regex PhonePattern();
}
