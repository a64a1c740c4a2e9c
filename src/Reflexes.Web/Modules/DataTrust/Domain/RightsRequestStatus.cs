namespace Reflexes.Web.Modules.DataTrust.Domain;

public enum RightsRequestStatus
{
    Open,
    Completed,
    Refused,
}
