namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>A partner account allowed to post missions for its organisation (set by the coordination unit).</summary>
public sealed class MissionPoster
{
    private MissionPoster()
    {
    }

    public string UserId { get; private set; } = "";

    public Guid OrganisationId { get; private set; }

    public static MissionPoster Link(string userId, Guid organisationId) => new() { UserId = userId, OrganisationId = organisationId };
}
