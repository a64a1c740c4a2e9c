namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>What a poster fills in for a mission; <see cref="Validate"/> ties each problem to its field.</summary>
public sealed record MissionDraft(
    string Title,
    string Description,
    Guid? OrganisationId,
    MissionSource Source,
    Guid? NeighbourhoodId,
    string Place,
    double? Lat,
    double? Lon,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> Languages,
    MissionPriority Priority,
    IReadOnlyList<SlotDraft> Slots)
{
    public const int TitleMaxLength = 150;
    public const int DescriptionMaxLength = 4000;
    public const int PlaceMaxLength = 300;

    /// <summary>Problems as (field, localisation key, arguments); slot fields are named Slot{i}Date, Slot{i}Period, Slot{i}Needed.</summary>
    public IEnumerable<(string Field, string Key, object[] Arguments)> Validate(DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length > TitleMaxLength)
        {
            yield return (nameof(Title), "mission.error.title", [TitleMaxLength]);
        }

        if (string.IsNullOrWhiteSpace(Description) || Description.Trim().Length > DescriptionMaxLength)
        {
            yield return (nameof(Description), "mission.error.description", [DescriptionMaxLength]);
        }

        if (OrganisationId is null)
        {
            yield return (nameof(OrganisationId), "mission.error.organisation", []);
        }

        if (!Enum.IsDefined(Source))
        {
            yield return (nameof(Source), "mission.error.source", []);
        }

        if (NeighbourhoodId is null)
        {
            yield return (nameof(NeighbourhoodId), "mission.error.neighbourhood", []);
        }

        if (string.IsNullOrWhiteSpace(Place) || Place.Trim().Length > PlaceMaxLength)
        {
            yield return (nameof(Place), "mission.error.place", [PlaceMaxLength]);
        }

        if (Lat is not { } lat || lat is < -90 or > 90 || double.IsNaN(lat))
        {
            yield return (nameof(Lat), "mission.error.lat", []);
        }

        if (Lon is not { } lon || lon is < -180 or > 180 || double.IsNaN(lon))
        {
            yield return (nameof(Lon), "mission.error.lon", []);
        }

        if (!Enum.IsDefined(Priority))
        {
            yield return (nameof(Priority), "mission.error.priority", []);
        }

        if (Languages.Any(l => !MissionVocabulary.Languages.Contains(l)))
        {
            yield return (nameof(Languages), "mission.error.languages", []);
        }

        if (Slots.Count == 0)
        {
            yield return ("Slot0Date", "mission.error.no-slot", []);
        }

        var seen = new HashSet<(DateOnly, SlotPeriod)>();
        for (var i = 0; i < Slots.Count; i++)
        {
            var slot = Slots[i];
            var number = i + 1;
            if (slot.Date == DateOnly.MinValue)
            {
                yield return ($"Slot{i}Date", "mission.error.slot-date", [number]);
            }
            else if (slot.Date < today)
            {
                yield return ($"Slot{i}Date", "mission.error.slot-past", [number]);
            }

            if (!Enum.IsDefined(slot.Period))
            {
                yield return ($"Slot{i}Period", "mission.error.slot-period", [number]);
            }
            else if (!seen.Add((slot.Date, slot.Period)))
            {
                yield return ($"Slot{i}Period", "mission.error.slot-twice", [number]);
            }

            if (slot.Needed is < 1 or > SlotDraft.MaxNeeded)
            {
                yield return ($"Slot{i}Needed", "mission.error.slot-needed", [number, SlotDraft.MaxNeeded]);
            }
        }
    }
}
