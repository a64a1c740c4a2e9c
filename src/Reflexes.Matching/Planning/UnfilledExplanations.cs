using Reflexes.Matching.Model;

namespace Reflexes.Matching.Planning;

/// <summary>
/// Says why each slot kept empty places. When some volunteer×half-day could reach the slot, the optimal plan
/// had better uses for them (or their caps ran out) — otherwise an augmenting path would fill the place. When none
/// could, the conditions are checked in order: half-day, skills, languages, distance, then caps.
/// </summary>
internal static class UnfilledExplanations
{
    public static List<UnfilledSlot> Explain(MatchingNetwork network, int[] filled)
    {
        var instance = network.Instance;
        var result = new List<UnfilledSlot>();
        Dictionary<int, List<int>>? offering = null;
        Eligibility? eligibility = null;
        for (var s = 0; s < instance.Slots.Count; s++)
        {
            var slot = instance.Slots[s];
            var places = slot.Needed - filled[s];
            if (places <= 0)
            {
                continue;
            }

            if (network.SlotArcCount[s] > 0)
            {
                result.Add(new UnfilledSlot(slot.Id, places, UnfilledReason.Caps,
                    $"the {network.SlotArcCount[s]} volunteer half-day(s) able to fill it are needed for other slots or their volunteers have reached their weekly or total limit"));
                continue;
            }

            offering ??= Offering(instance);
            eligibility ??= new Eligibility(instance);
            result.Add(Cascade(instance, eligibility, offering, s, places));
        }

        return result;
    }

    private static UnfilledSlot Cascade(MatchingInstance instance, Eligibility eligibility, Dictionary<int, List<int>> offering, int s, int places)
    {
        var slot = instance.Slots[s];
        var free = offering.GetValueOrDefault(slot.HalfDay.Index) ?? [];
        if (free.Count == 0)
        {
            return new UnfilledSlot(slot.Id, places, UnfilledReason.NoOneAvailable, $"no volunteer is available on {slot.HalfDay}");
        }

        var skilled = free.Where(v => eligibility.HasSkills(v, s)).ToList();
        if (skilled.Count == 0)
        {
            return new UnfilledSlot(slot.Id, places, UnfilledReason.Skills,
                $"none of the {free.Count} volunteer(s) available on {slot.HalfDay} has every required skill ({string.Join(", ", slot.Skills)})");
        }

        var speaking = skilled.Where(v => eligibility.HasLanguages(v, s)).ToList();
        if (speaking.Count == 0)
        {
            return new UnfilledSlot(slot.Id, places, UnfilledReason.Languages,
                $"none of the {skilled.Count} volunteer(s) available with the skills speaks every required language ({string.Join(", ", slot.Languages)})");
        }

        var near = speaking.Count(v => Eligibility.WithinReach(instance.Volunteers[v], slot, out _));
        if (near == 0)
        {
            return new UnfilledSlot(slot.Id, places, UnfilledReason.Distance,
                $"the {speaking.Count} volunteer(s) available with the skills and languages all live beyond their maximum travel distance");
        }

        return new UnfilledSlot(slot.Id, places, UnfilledReason.Caps,
            $"the {near} volunteer(s) able to fill it are confirmed elsewhere on {slot.HalfDay} or have reached their weekly or total limit");
    }

    private static Dictionary<int, List<int>> Offering(MatchingInstance instance)
    {
        var offering = new Dictionary<int, List<int>>();
        for (var v = 0; v < instance.Volunteers.Count; v++)
        {
            foreach (var halfDay in instance.Volunteers[v].HalfDays)
            {
                if (!offering.TryGetValue(halfDay.Index, out var list))
                {
                    offering[halfDay.Index] = list = [];
                }

                list.Add(v);
            }
        }

        return offering;
    }
}
