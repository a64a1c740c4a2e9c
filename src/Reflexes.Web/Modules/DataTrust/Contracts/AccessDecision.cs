using Reflexes.Web.Modules.DataTrust.Domain;

namespace Reflexes.Web.Modules.DataTrust.Contracts;

/// <summary>Whether a read may happen, and why, in terms the audit trail and a person can understand.</summary>
public sealed record AccessDecision(bool Allowed, AccessReason Reason, ConsentState Consent)
{
    public static AccessDecision Deny(AccessReason reason, ConsentState consent = ConsentState.NotAsked) => new(false, reason, consent);
}
