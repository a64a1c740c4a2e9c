namespace Reflexes.Web.Modules.Access.Domain;

public enum InvitationState
{
    Pending,
    Accepted,
    Expired,
    Revoked,
}
