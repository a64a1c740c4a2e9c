namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>Where a mission stands: written, waiting for moderation, open to volunteers, or over.</summary>
public enum MissionStatus
{
    Draft,
    Submitted,
    Published,
    Completed,
    Cancelled,
}
