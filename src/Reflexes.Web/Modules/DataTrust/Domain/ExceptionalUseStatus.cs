namespace Reflexes.Web.Modules.DataTrust.Domain;

public enum ExceptionalUseStatus
{
    Pending,
    Approved,
    Refused,
    Revoked,
}
