namespace Reflexes.Web.Modules.DataTrust.Domain;

/// <summary>The lawful bases of GDPR article 6(1), in its order.</summary>
public enum LegalBasis
{
    Consent,
    Contract,
    LegalObligation,
    VitalInterests,
    PublicTask,
    LegitimateInterests,
}
