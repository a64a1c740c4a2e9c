namespace Reflexes.Web.Modules.Territory.Domain;

public enum OrganisationKind
{
    /// <summary>The local government running the platform.</summary>
    LocalGovernment,

    /// <summary>A service or department of the local government.</summary>
    Service,

    /// <summary>A partner association, identified by SIRET and/or RNA.</summary>
    Association,

    /// <summary>Another public body (CCAS, hospital, prefecture...).</summary>
    PublicBody,
}
