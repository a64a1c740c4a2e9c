namespace Reflexes.Web.Modules.DataTrust.Contracts;

/// <summary>How the audited action ended.</summary>
public enum AuditResult
{
    Allowed,
    Denied,
    Failed,
}
