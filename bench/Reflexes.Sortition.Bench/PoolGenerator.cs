using System.Globalization;

namespace Reflexes.Sortition.Bench;

/// <summary>
/// Seeded generator of realistic respondent pools: 5–8 categories whose population shares are known,
/// respondents drawn with self-selection bias (older and more educated people answer more often, and the
/// two go together), and tight quotas around the population shares (±10 % of the ideal seat count, at
/// least ±1 seat).
/// </summary>
internal static class PoolGenerator
{
    private static readonly (string Name, string[] Values, double[] Population, double[] Response)[] Catalogue =
    [
        ("age", ["16-29", "30-44", "45-59", "60+"], [0.22, 0.25, 0.26, 0.27], [0.5, 0.8, 1.2, 1.8]),
        ("education", ["none", "secondary", "vocational", "degree"], [0.20, 0.35, 0.20, 0.25], [0.4, 0.8, 1.0, 2.2]),
        ("gender", ["female", "male", "other"], [0.51, 0.48, 0.01], [1.1, 0.9, 1.0]),
        ("district", ["north", "south", "east", "west", "centre"], [0.2, 0.2, 0.2, 0.2, 0.2], [0.9, 0.7, 1.0, 1.1, 1.4]),
        ("housing", ["owner", "tenant", "social"], [0.55, 0.30, 0.15], [1.4, 0.8, 0.5]),
        ("work", ["employed", "unemployed", "retired", "student"], [0.55, 0.08, 0.25, 0.12], [0.9, 0.6, 1.5, 0.7]),
        ("origin", ["born-here", "born-elsewhere"], [0.8, 0.2], [1.1, 0.6]),
        ("transport", ["car", "transit", "bike-walk"], [0.5, 0.3, 0.2], [0.9, 1.0, 1.3]),
    ];

    public static (Pool Pool, int K) Generate(int n, int k, int categories, int seed)
    {
        var random = new Random(seed);
        var chosen = Catalogue.Take(categories).ToArray();
        var quotas = chosen.Select(c => new Category(c.Name, [.. c.Values.Select((v, i) => Quota(v, c.Population[i], k))])).ToList();
        var people = new List<Respondent>(n);
        for (var p = 0; p < n; p++)
        {
            var values = new int[chosen.Length];
            for (var c = 0; c < chosen.Length; c++)
            {
                var weights = chosen[c].Population.Select((share, i) => share * chosen[c].Response[i]).ToArray();
                // Older respondents are more often degree holders among volunteers: tilt education by age.
                if (chosen[c].Name == "education" && values[0] == 3)
                {
                    weights[3] *= 1.5;
                }

                values[c] = Sample(random, weights);
            }

            people.Add(new Respondent(p.ToString(CultureInfo.InvariantCulture), values, null));
        }

        return (new Pool(quotas, people, IdsAreRowNumbers: true), k);
    }

    private static FeatureQuota Quota(string value, double share, int k)
    {
        var ideal = share * k;
        var slack = Math.Max(1.0, 0.1 * ideal);
        return new FeatureQuota(value, Math.Max(0, (int)Math.Floor(ideal - slack)), (int)Math.Ceiling(ideal + slack));
    }

    private static int Sample(Random random, double[] weights)
    {
        var u = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            u -= weights[i];
            if (u < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
