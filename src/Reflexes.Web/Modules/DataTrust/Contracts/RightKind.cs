namespace Reflexes.Web.Modules.DataTrust.Contracts;

/// <summary>The rights a person may exercise (GDPR articles 15 to 21).</summary>
public enum RightKind
{
    Access,
    Rectification,
    Erasure,
    Restriction,
    Objection,
}
