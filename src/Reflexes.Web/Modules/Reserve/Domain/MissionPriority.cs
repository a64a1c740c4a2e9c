namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>How much a mission matters; the values are the matching engine's priority classes (1 is planned first).</summary>
public enum MissionPriority
{
    Essential = 1,
    Important = 2,
    Normal = 3,
}
