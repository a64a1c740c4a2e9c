namespace Reflexes.Web.Modules.Territory.Domain;

/// <summary>The local government, its services, partner associations and other public bodies.</summary>
public sealed class Organisation
{
    private Organisation()
    {
    }

    public Guid Id { get; private set; }

    public OrganisationKind Kind { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The organisation this one belongs to: a service's local government or parent service.</summary>
    public Guid? ParentId { get; private set; }

    /// <summary>14-digit SIRET (establishment identifier), checked with the Luhn key.</summary>
    public string? Siret { get; private set; }

    /// <summary>RNA identifier of a registered association: "W" followed by 9 digits.</summary>
    public string? Rna { get; private set; }

    public string? ContactEmail { get; private set; }

    public static Organisation Create(
        OrganisationKind kind, string name, Guid? parentId, string? siret, string? rna, string? contactEmail, Guid? id = null)
    {
        var organisation = new Organisation { Id = id ?? Guid.NewGuid() };
        organisation.Update(kind, name, parentId, siret, rna, contactEmail);
        return organisation;
    }

    public void Update(OrganisationKind kind, string name, Guid? parentId, string? siret, string? rna, string? contactEmail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        siret = FrenchIdentifiers.NormaliseSiret(siret);
        rna = FrenchIdentifiers.NormaliseRna(rna);
        if (siret is not null && !FrenchIdentifiers.IsValidSiret(siret))
        {
            throw new ArgumentException("siret.invalid", nameof(siret));
        }

        if (rna is not null && !FrenchIdentifiers.IsValidRna(rna))
        {
            throw new ArgumentException("rna.invalid", nameof(rna));
        }

        if (kind == OrganisationKind.Service && parentId is null)
        {
            throw new ArgumentException("organisation.service-needs-parent", nameof(parentId));
        }

        if (parentId == Id)
        {
            throw new ArgumentException("organisation.own-parent", nameof(parentId));
        }

        Kind = kind;
        Name = name.Trim();
        ParentId = parentId;
        Siret = siret;
        Rna = rna;
        ContactEmail = string.IsNullOrWhiteSpace(contactEmail) ? null : contactEmail.Trim();
    }
}
