namespace Reflexes.Web.Modules.Reserve.Domain;

public enum OfferStatus
{
    Open,
    Linked,
    Withdrawn,
}
