namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>
/// The language codes (ISO 639, "fsl" for French sign language) a mission may require, as volunteers' profiles
/// write them; labels come from the localisation files (mission.language.*). Skills come from the reserve's managed list.
/// </summary>
public static class MissionVocabulary
{
    public static readonly IReadOnlyList<string> Languages =
    [
        "fr", "en", "ar", "es", "pt", "ta", "tr", "uk", "ro", "fsl",
    ];

    /// <summary>Stored form of codes (languages) or skill ids: sorted, distinct, joined by commas.</summary>
    public static string Join(IEnumerable<string> codes) => string.Join(',', codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    public static IReadOnlyList<string> Split(string stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
