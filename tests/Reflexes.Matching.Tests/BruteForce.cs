using Reflexes.Matching.Model;

namespace Reflexes.Matching.Tests;

/// <summary>
/// An independent reference: enumerate every set of feasible pairs, keep those that respect every cap,
/// and rank them by (weighted coverage desc, distance asc, previous proposals kept desc).
/// </summary>
internal static class BruteForce
{
    public readonly record struct Objective(long Weight, long Distance, int Kept);

    public static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2));
        return 2 * 6_371_000 * Math.Asin(Math.Sqrt(a));
    }

    public static bool Feasible(Volunteer v, Slot s) =>
        v.HalfDays.Contains(s.HalfDay)
        && s.Skills.All(v.Skills.Contains)
        && s.Languages.All(v.Languages.Contains)
        && Haversine(v.Lat, v.Lon, s.Lat, s.Lon) <= v.MaxDistanceKm * 1000;

    public static long Meters(Volunteer v, Slot s) => (long)Math.Round(Haversine(v.Lat, v.Lon, s.Lat, s.Lon), MidpointRounding.AwayFromZero);

    public static List<(int V, int S)> Pairs(MatchingInstance instance)
    {
        var pairs = new List<(int, int)>();
        for (var v = 0; v < instance.Volunteers.Count; v++)
        {
            for (var s = 0; s < instance.Slots.Count; s++)
            {
                if (Feasible(instance.Volunteers[v], instance.Slots[s]))
                {
                    pairs.Add((v, s));
                }
            }
        }

        return pairs;
    }

    /// <summary>Whether a set of pairs respects one slot per half-day, maxPerWeek (ISO weeks), maxTotal and needed.</summary>
    public static bool RespectsCaps(MatchingInstance instance, IEnumerable<(int V, int S)> chosen)
    {
        var list = chosen.ToList();
        if (list.Distinct().Count() != list.Count)
        {
            return false;
        }

        foreach (var group in list.GroupBy(p => p.V))
        {
            var v = instance.Volunteers[group.Key];
            var days = group.Select(p => instance.Slots[p.S].HalfDay).ToList();
            if (days.Distinct().Count() != days.Count || days.Count > v.MaxTotal)
            {
                return false;
            }

            if (days.GroupBy(d => System.Globalization.ISOWeek.GetWeekOfYear(d.Date.ToDateTime(TimeOnly.MinValue))
                + (100 * System.Globalization.ISOWeek.GetYear(d.Date.ToDateTime(TimeOnly.MinValue)))).Any(w => w.Count() > v.MaxPerWeek))
            {
                return false;
            }
        }

        return list.GroupBy(p => p.S).All(g => g.Count() <= instance.Slots[g.Key].Needed);
    }

    public static Objective Best(MatchingInstance instance, IReadOnlyCollection<(int V, int S)> confirmed, IReadOnlySet<(int V, int S)> previous)
    {
        var pairs = Pairs(instance).Where(p => !confirmed.Contains(p)).ToList();
        var best = new Objective(-1, 0, 0);
        var chosen = new List<(int V, int S)>(confirmed);
        void Search(int i)
        {
            if (!RespectsCaps(instance, chosen))
            {
                return;
            }

            if (i == pairs.Count)
            {
                var candidate = Score(instance, chosen, previous);
                if (Better(candidate, best))
                {
                    best = candidate;
                }

                return;
            }

            chosen.Add(pairs[i]);
            Search(i + 1);
            chosen.RemoveAt(chosen.Count - 1);
            Search(i + 1);
        }

        Search(0);
        return best;
    }

    public static Objective Score(MatchingInstance instance, IEnumerable<(int V, int S)> chosen, IReadOnlySet<(int V, int S)> previous)
    {
        long weight = 0, distance = 0;
        var kept = 0;
        foreach (var (v, s) in chosen)
        {
            var slot = instance.Slots[s];
            weight += slot.Priority switch { 1 => 100, 2 => 10, _ => 1 };
            distance += Meters(instance.Volunteers[v], slot);
            kept += previous.Contains((v, s)) ? 1 : 0;
        }

        return new Objective(weight, distance, kept);
    }

    private static bool Better(Objective a, Objective b) =>
        a.Weight != b.Weight ? a.Weight > b.Weight : a.Distance != b.Distance ? a.Distance < b.Distance : a.Kept > b.Kept;
}
