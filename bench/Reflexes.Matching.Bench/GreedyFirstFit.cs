using Reflexes.Matching.Model;
using Reflexes.Matching.Planning;

namespace Reflexes.Matching.Bench;

/// <summary>
/// The baseline a coordination unit would do by hand: most urgent slots first, and for each place the first
/// volunteer (in list order) who is eligible and still has room that half-day, that week and overall.
/// </summary>
internal static class GreedyFirstFit
{
    public static (long CoveredWeight, int Filled, long DistanceMeters) Plan(MatchingInstance instance)
    {
        var eligibility = new Eligibility(instance);
        var offering = new Dictionary<int, List<int>>();
        for (var v = 0; v < instance.Volunteers.Count; v++)
        {
            foreach (var h in instance.Volunteers[v].HalfDays)
            {
                if (!offering.TryGetValue(h.Index, out var list))
                {
                    offering[h.Index] = list = [];
                }

                list.Add(v);
            }
        }

        var busy = new HashSet<(int, int)>();
        var perWeek = new Dictionary<(int, int), int>();
        var total = new int[instance.Volunteers.Count];
        long weight = 0, meters = 0;
        var filled = 0;
        foreach (var s in Enumerable.Range(0, instance.Slots.Count).OrderBy(s => instance.Slots[s].Priority))
        {
            var slot = instance.Slots[s];
            var week = slot.HalfDay.IsoWeek;
            var places = slot.Needed;
            foreach (var v in offering.GetValueOrDefault(slot.HalfDay.Index) ?? [])
            {
                if (places == 0)
                {
                    break;
                }

                var volunteer = instance.Volunteers[v];
                if (busy.Contains((v, slot.HalfDay.Index)) || total[v] >= volunteer.MaxTotal || perWeek.GetValueOrDefault((v, week)) >= volunteer.MaxPerWeek
                    || !eligibility.HasSkills(v, s) || !eligibility.HasLanguages(v, s) || !Eligibility.WithinReach(volunteer, slot, out var distance))
                {
                    continue;
                }

                busy.Add((v, slot.HalfDay.Index));
                perWeek[(v, week)] = perWeek.GetValueOrDefault((v, week)) + 1;
                total[v]++;
                places--;
                filled++;
                weight += slot.Weight;
                meters += Geo.RoundedMeters(distance);
            }
        }

        return (weight, filled, meters);
    }
}
