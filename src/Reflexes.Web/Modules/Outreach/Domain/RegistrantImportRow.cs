namespace Reflexes.Web.Modules.Outreach.Domain;

/// <summary>
/// One valid row of a staged import, waiting for the review. It is not yet in the register: nobody can
/// reach it but the agents who import lists, and it is deleted when the import is committed or cancelled.
/// </summary>
public sealed class RegistrantImportRow
{
    private RegistrantImportRow()
    {
    }

    public Guid Id { get; private set; }

    public Guid BatchId { get; private set; }

    /// <summary>The row's line in the file.</summary>
    public int Line { get; private set; }

    public string FirstName { get; private set; } = "";

    public string LastName { get; private set; } = "";

    public DateOnly BirthDate { get; private set; }

    public string Address { get; private set; } = "";

    public Guid? NeighbourhoodId { get; private set; }

    public string Phone { get; private set; } = "";

    public string? OtherPhone { get; private set; }

    public string? AlertContact { get; private set; }

    public EligibilityGround Ground { get; private set; }

    public RegistrantDetails Details => new(FirstName, LastName, BirthDate, Address, NeighbourhoodId, Phone, OtherPhone, AlertContact, Ground);

    public static RegistrantImportRow Stage(Guid batchId, int line, RegistrantDetails details) => new()
    {
        Id = Guid.NewGuid(),
        BatchId = batchId,
        Line = line,
        FirstName = details.FirstName.Trim(),
        LastName = details.LastName.Trim(),
        BirthDate = details.BirthDate,
        Address = details.Address.Trim(),
        NeighbourhoodId = details.NeighbourhoodId,
        Phone = details.Phone.Trim(),
        OtherPhone = string.IsNullOrWhiteSpace(details.OtherPhone) ? null : details.OtherPhone.Trim(),
        AlertContact = string.IsNullOrWhiteSpace(details.AlertContact) ? null : details.AlertContact.Trim(),
        Ground = details.Ground,
    };
}
