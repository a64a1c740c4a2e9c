using Reflexes.Matching.Model;
using Reflexes.Matching.Reading;

namespace Reflexes.Matching.Planning;

/// <summary>
/// Confirmed assignments are fixed inputs, so each must still be possible in the instance: known ids, a feasible
/// pair, and together within every cap. Anything else is refused with a message pointing at the assignment.
/// </summary>
internal static class ConfirmedChecks
{
    public static List<(int Volunteer, int Slot)> Resolve(
        MatchingInstance instance,
        Eligibility eligibility,
        Dictionary<string, int> volunteerIndex,
        Dictionary<string, int> slotIndex,
        IReadOnlyList<ListedPair> confirmed,
        string input)
    {
        var errors = new List<InputError>();
        var resolved = new List<(int, int)>();
        var halfDays = new Dictionary<(int, int), ListedPair>();
        var weeks = new Dictionary<(int, int), int>();
        var totals = new Dictionary<int, int>();
        var places = new Dictionary<int, int>();
        foreach (var listed in confirmed)
        {
            void Fail(string message) => errors.Add(new InputError(listed.Line, listed.Column, $"assignments[{listed.Index}]: {message}"));
            var (volunteerId, slotId) = listed.Pair;
            var knownVolunteer = volunteerIndex.TryGetValue(volunteerId, out var v);
            var knownSlot = slotIndex.TryGetValue(slotId, out var s);
            if (!knownVolunteer)
            {
                Fail($"volunteer \"{volunteerId}\" is not in the instance");
            }

            if (!knownSlot)
            {
                Fail($"slot \"{slotId}\" is not in the instance");
            }

            if (!knownVolunteer || !knownSlot)
            {
                continue;
            }

            var volunteer = instance.Volunteers[v];
            var slot = instance.Slots[s];
            var problem = Infeasibility(eligibility, v, s, volunteer, slot);
            if (problem is not null)
            {
                Fail($"volunteer \"{volunteerId}\" cannot fill slot \"{slotId}\": {problem}");
                continue;
            }

            if (halfDays.TryGetValue((v, slot.HalfDay.Index), out var other))
            {
                Fail($"volunteer \"{volunteerId}\" is already confirmed on {slot.HalfDay} in slot \"{other.Pair.Slot}\" (assignments[{other.Index}])");
                continue;
            }

            halfDays[(v, slot.HalfDay.Index)] = listed;
            var week = slot.HalfDay.IsoWeek;
            var inWeek = weeks[(v, week)] = weeks.GetValueOrDefault((v, week)) + 1;
            var total = totals[v] = totals.GetValueOrDefault(v) + 1;
            var taken = places[s] = places.GetValueOrDefault(s) + 1;
            if (inWeek > volunteer.MaxPerWeek)
            {
                Fail($"volunteer \"{volunteerId}\" would have {inWeek} confirmed half-days in ISO week {week / 100}-W{week % 100:00}, more than their maxPerWeek of {volunteer.MaxPerWeek}");
            }
            else if (total > volunteer.MaxTotal)
            {
                Fail($"volunteer \"{volunteerId}\" would have {total} confirmed half-days, more than their maxTotal of {volunteer.MaxTotal}");
            }
            else if (taken > slot.Needed)
            {
                Fail($"slot \"{slotId}\" would have {taken} confirmed volunteers, more than the {slot.Needed} needed");
            }
            else
            {
                resolved.Add((v, s));
            }
        }

        if (errors.Count > 0)
        {
            throw new MatchingInputException(input, errors);
        }

        return resolved;
    }

    public static string? Infeasibility(Eligibility eligibility, int v, int s, Volunteer volunteer, Slot slot)
    {
        if (!volunteer.HalfDays.Contains(slot.HalfDay))
        {
            return $"they do not offer {slot.HalfDay}";
        }

        if (!eligibility.HasSkills(v, s))
        {
            return $"they lack the skill(s) {string.Join(", ", slot.Skills.Except(volunteer.Skills))}";
        }

        if (!eligibility.HasLanguages(v, s))
        {
            return $"they do not speak {string.Join(", ", slot.Languages.Except(volunteer.Languages))}";
        }

        if (!Eligibility.WithinReach(volunteer, slot, out var meters))
        {
            return $"the slot is {MatchingEngine.Km(meters)} km away, beyond their maximum of {MatchingEngine.Km(volunteer.MaxDistanceKm * 1000)} km";
        }

        return null;
    }
}
