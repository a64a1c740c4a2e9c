namespace Reflexes.Web.Modules.Reserve.Missions;

/// <summary>Skill codes offered to mission posters until the reserve's managed skill list is there.</summary>
internal static class MissionSkills
{
    public static readonly IReadOnlyList<string> Codes =
    [
        "cooking", "delivery", "driving", "first-aid", "handling", "listening", "tutoring", "digital-help", "gardening", "administrative",
    ];
}
