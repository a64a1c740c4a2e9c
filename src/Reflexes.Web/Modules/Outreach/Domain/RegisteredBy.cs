namespace Reflexes.Web.Modules.Outreach.Domain;

/// <summary>Who asked for the registration: the person, or a third party for them.</summary>
public enum RegisteredBy
{
    Self,
    Relative,
    Neighbour,
    SocialWorker,
    Doctor,
    Other,
}
