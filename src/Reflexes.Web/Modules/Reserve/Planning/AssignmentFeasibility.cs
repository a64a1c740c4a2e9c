using Reflexes.Matching.Model;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Modules.Reserve.Volunteers;

namespace Reflexes.Web.Modules.Reserve.Planning;

/// <summary>
/// The engine's feasibility rules, checked for one assignment a coordinator adds by hand: the volunteer offers
/// the half-day, has every skill and language, lives within reach, is free that half-day, is under their caps,
/// and the slot still has a place. Each broken rule gives a localisation key.
/// </summary>
internal static class AssignmentFeasibility
{
    /// <param name="otherHalfDays">The half-days the volunteer already holds (active assignments), one per assignment.</param>
    public static IReadOnlyList<string> Problems(PoolVolunteer volunteer, Mission mission, MissionSlot slot, IReadOnlyList<HalfDay> otherHalfDays, int activeInSlot)
    {
        var problems = new List<string>();
        var halfDay = new HalfDay(slot.Date, slot.Period == SlotPeriod.Afternoon);
        if (!volunteer.HalfDays.Any(h => h.Date == slot.Date && (h.Period == VolunteerPeriod.Afternoon) == (slot.Period == SlotPeriod.Afternoon)))
        {
            problems.Add("planning.error.not-available");
        }

        var skills = volunteer.Skills.Select(s => s.ToString()).ToHashSet(StringComparer.Ordinal);
        if (!MissionVocabulary.Split(mission.Skills).All(skills.Contains))
        {
            problems.Add("planning.error.skills");
        }

        if (!MissionVocabulary.Split(mission.Languages).All(l => volunteer.Languages.Contains(l, StringComparer.Ordinal)))
        {
            problems.Add("planning.error.languages");
        }

        if (Geo.DistanceMeters(volunteer.Latitude, volunteer.Longitude, mission.Lat, mission.Lon) > volunteer.MaxDistanceKm * 1000.0)
        {
            problems.Add("planning.error.distance");
        }

        if (otherHalfDays.Contains(halfDay))
        {
            problems.Add("planning.error.same-half-day");
        }

        if (otherHalfDays.Count(h => h.IsoWeek == halfDay.IsoWeek) + 1 > volunteer.MaxPerWeek)
        {
            problems.Add("planning.error.week-cap");
        }
        else if (otherHalfDays.Count + 1 > volunteer.MaxTotal)
        {
            problems.Add("planning.error.total-cap");
        }

        if (activeInSlot + 1 > slot.Needed)
        {
            problems.Add("planning.error.slot-full");
        }

        return problems;
    }
}
