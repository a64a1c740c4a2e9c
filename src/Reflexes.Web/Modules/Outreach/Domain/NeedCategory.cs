namespace Reflexes.Web.Modules.Outreach.Domain;

/// <summary>What kind of help a referral asks for.</summary>
public enum NeedCategory
{
    Food,
    Health,
    Isolation,
    Housing,
    Money,
    Care,
    AdministrativeHelp,
    Other,
}
