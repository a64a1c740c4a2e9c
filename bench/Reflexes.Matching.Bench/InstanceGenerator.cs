using Reflexes.Matching.Model;

namespace Reflexes.Matching.Bench;

/// <summary>
/// Seeded instances for a metropolitan territory: people and missions gathered in neighbourhoods of unequal
/// size, a few popular skills and many rare ones, French for nearly everyone and other languages for some,
/// and weekly availability patterns (retired, working, students, flexible) with exceptions.
/// </summary>
internal sealed class InstanceGenerator(int seed)
{
    private const double CenterLat = 45.76;
    private const double CenterLon = 4.84;
    private const double KmPerDegreeLat = 111.2;
    private static readonly DateOnly FirstMonday = new(2026, 12, 7);
    private static readonly string[] Skills =
    [
        "logistics", "driving", "cooking", "listening", "first-aid", "homework-help", "it-support", "translation",
        "childcare", "elderly-care", "gardening", "handiwork", "administration", "sports", "music", "sewing",
        "accounting", "legal-aid", "nursing", "psychology", "mediation", "photography", "carpentry", "sign-language",
    ];

    private static readonly (string Code, double Share)[] LanguagesValue =
        [("en", 0.30), ("ar", 0.12), ("es", 0.08), ("pt", 0.05), ("it", 0.05), ("zh", 0.03), ("ta", 0.02), ("tr", 0.03)];

    private static readonly int[] Distances = [2, 3, 5, 8, 10, 15];
    private static readonly double[] DistanceWeights = [12, 22, 28, 22, 11, 5];

    private readonly Random _random = new(seed);

    public MatchingInstance Create(int volunteers, int slots, int weeks)
    {
        var neighbourhoods = Enumerable.Range(0, 60).Select(_ =>
        {
            var r = 13.0 * Math.Pow(_random.NextDouble(), 0.7);
            var angle = _random.NextDouble() * 2 * Math.PI;
            return (Lat: CenterLat + (r * Math.Sin(angle) / KmPerDegreeLat), Lon: CenterLon + (r * Math.Cos(angle) / (KmPerDegreeLat * Math.Cos(CenterLat * Math.PI / 180))), Weight: Math.Exp(Gaussian()));
        }).ToArray();
        var neighbourhoodWeights = neighbourhoods.Select(n => n.Weight).ToArray();
        var skillWeights = Skills.Select((_, i) => 1.0 / Math.Pow(i + 1, 1.1)).ToArray();

        var people = new List<Volunteer>(volunteers);
        for (var i = 0; i < volunteers; i++)
        {
            var home = neighbourhoods[Pick(neighbourhoodWeights)];
            var (lat, lon) = Around(home.Lat, home.Lon, 1.2);
            var perWeek = Pick([0.5, 0.35, 0.15]) + 2;
            people.Add(new Volunteer(
                $"v{i + 1}",
                Distinct(Pick([0.4, 0.3, 0.2, 0.1]) + 1, skillWeights).Select(k => Skills[k]).ToList(),
                Languages(),
                lat,
                lon,
                Distances[Pick(DistanceWeights)],
                Availability(weeks),
                perWeek,
                Math.Max(1, (int)Math.Ceiling(weeks * perWeek * 0.75))));
        }

        var halfDayWeights = Enumerable.Range(0, 14).Select(h => h switch
        {
            < 10 => 1.0,
            10 => 0.8,
            11 => 0.5,
            _ => 0.2,
        }).ToArray();
        var needs = new List<Slot>(slots);
        for (var i = 0; i < slots; i++)
        {
            var site = neighbourhoods[Pick(neighbourhoodWeights)];
            var (lat, lon) = Around(site.Lat, site.Lon, 0.8);
            var week = _random.Next(weeks);
            var languages = new List<string>();
            if (_random.NextDouble() < 0.8)
            {
                languages.Add("fr");
            }

            if (_random.NextDouble() < 0.08)
            {
                languages.Add(LanguagesValue[Pick(LanguagesValue.Select(l => l.Share).ToArray())].Code);
            }

            needs.Add(new Slot(
                $"s{i + 1}",
                HalfDayOf(week, Pick(halfDayWeights)),
                lat,
                lon,
                Distinct(Pick([0.3, 0.55, 0.15]), skillWeights).Select(k => Skills[k]).ToList(),
                languages,
                Pick([0.3, 0.3, 0.2, 0.1, 0.04, 0.03, 0.02, 0.01]) + 1,
                Pick([0.15, 0.35, 0.5]) + 1));
        }

        return new MatchingInstance(people, needs);
    }

    private List<HalfDay> Availability(int weeks)
    {
        // Half-days of a week: 0 = Monday morning ... 13 = Sunday afternoon.
        var pattern = new HashSet<int>();
        switch (Pick([0.25, 0.45, 0.15, 0.15]))
        {
            case 0: // retired: weekday half-days
                while (pattern.Count < _random.Next(2, 5))
                {
                    pattern.Add(_random.Next(10));
                }

                break;
            case 1: // working: Saturday and one weekday afternoon
                pattern.Add(10 + _random.Next(2));
                pattern.Add((2 * _random.Next(5)) + 1);
                if (_random.NextDouble() < 0.3)
                {
                    pattern.Add(12);
                }

                break;
            case 2: // students: Wednesday afternoon and Saturday
                pattern.Add(5);
                pattern.Add(10 + _random.Next(2));
                break;
            default: // flexible
                while (pattern.Count < _random.Next(2, 6))
                {
                    pattern.Add(_random.Next(14));
                }

                break;
        }

        var halfDays = new List<HalfDay>();
        for (var week = 0; week < weeks; week++)
        {
            foreach (var h in pattern.Where(_ => _random.NextDouble() >= 0.1))
            {
                halfDays.Add(HalfDayOf(week, h));
            }

            if (_random.NextDouble() < 0.1)
            {
                var extra = HalfDayOf(week, _random.Next(14));
                if (!halfDays.Contains(extra))
                {
                    halfDays.Add(extra);
                }
            }
        }

        return halfDays;
    }

    private static HalfDay HalfDayOf(int week, int halfDay) => new(FirstMonday.AddDays((7 * week) + (halfDay / 2)), halfDay % 2 == 1);

    private List<string> Languages()
    {
        var languages = new List<string>();
        if (_random.NextDouble() < 0.95)
        {
            languages.Add("fr");
        }

        languages.AddRange(LanguagesValue.Where(l => _random.NextDouble() < l.Share).Select(l => l.Code));
        return languages;
    }

    private (double Lat, double Lon) Around(double lat, double lon, double sigmaKm) =>
        (lat + (Gaussian() * sigmaKm / KmPerDegreeLat), lon + (Gaussian() * sigmaKm / (KmPerDegreeLat * Math.Cos(lat * Math.PI / 180))));

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());

    private int Pick(double[] weights)
    {
        var x = _random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private List<int> Distinct(int count, double[] weights)
    {
        var chosen = new List<int>();
        while (chosen.Count < Math.Min(count, weights.Length))
        {
            var k = Pick(weights);
            if (!chosen.Contains(k))
            {
                chosen.Add(k);
            }
        }

        return chosen;
    }
}
