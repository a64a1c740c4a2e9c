using Reflexes.Matching.Model;

namespace Reflexes.Matching.Planning;

/// <summary>
/// Whether a volunteer may fill a slot, as the issue states it: the half-day is offered, every required skill
/// and language is the volunteer's, and the haversine distance is within the volunteer's maximum.
/// </summary>
internal sealed class Eligibility
{
    private readonly int _skillWords;
    private readonly int _languageWords;
    private readonly ulong[] _volunteerSkills;
    private readonly ulong[] _volunteerLanguages;
    private readonly ulong[] _slotSkills;
    private readonly ulong[] _slotLanguages;

    public Eligibility(MatchingInstance instance)
    {
        var skills = Index(instance.Slots.SelectMany(s => s.Skills));
        var languages = Index(instance.Slots.SelectMany(s => s.Languages));
        _skillWords = Math.Max(1, (skills.Count + 63) / 64);
        _languageWords = Math.Max(1, (languages.Count + 63) / 64);
        _volunteerSkills = Masks(instance.Volunteers.Select(v => v.Skills), skills, _skillWords, out _);
        _volunteerLanguages = Masks(instance.Volunteers.Select(v => v.Languages), languages, _languageWords, out _);
        _slotSkills = Masks(instance.Slots.Select(s => s.Skills), skills, _skillWords, out _);
        _slotLanguages = Masks(instance.Slots.Select(s => s.Languages), languages, _languageWords, out _);
    }

    public bool HasSkills(int volunteer, int slot) => Covers(_volunteerSkills, volunteer, _slotSkills, slot, _skillWords);

    public bool HasLanguages(int volunteer, int slot) => Covers(_volunteerLanguages, volunteer, _slotLanguages, slot, _languageWords);

    public static bool WithinReach(Volunteer v, Slot s, out double meters)
    {
        meters = Geo.DistanceMeters(v.Lat, v.Lon, s.Lat, s.Lon);
        return meters <= v.MaxDistanceKm * 1000.0;
    }

    private static bool Covers(ulong[] have, int who, ulong[] need, int what, int words)
    {
        var h = who * words;
        var n = what * words;
        for (var w = 0; w < words; w++)
        {
            if ((need[n + w] & ~have[h + w]) != 0)
            {
                return false;
            }
        }

        return true;
    }

    private static Dictionary<string, int> Index(IEnumerable<string> names)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            index.TryAdd(name, index.Count);
        }

        return index;
    }

    private static ulong[] Masks(IEnumerable<IReadOnlyList<string>> lists, Dictionary<string, int> index, int words, out int count)
    {
        var masks = new List<ulong>();
        count = 0;
        foreach (var list in lists)
        {
            var row = new ulong[words];
            foreach (var name in list)
            {
                if (index.TryGetValue(name, out var bit))
                {
                    row[bit >> 6] |= 1UL << (bit & 63);
                }
            }

            masks.AddRange(row);
            count++;
        }

        return [.. masks];
    }
}
