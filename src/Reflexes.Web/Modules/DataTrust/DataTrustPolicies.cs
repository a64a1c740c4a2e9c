namespace Reflexes.Web.Modules.DataTrust;

/// <summary>The DataTrust module's authorization policies.</summary>
public static class DataTrustPolicies
{
    /// <summary>The data-protection officer and administrators: sign tree heads on demand, read inclusion proofs.</summary>
    public const string DataProtection = "data-protection";
}
