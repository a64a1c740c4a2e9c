using System.Globalization;

namespace Reflexes.Sortition.Tests;

internal static class RandomPools
{
    /// <summary>A small pool with 1–3 categories, skewed values, quotas near proportional, and optional shared addresses.</summary>
    public static (Pool Pool, int K) Small(int seed, int maxPeople = 9, bool addresses = false)
    {
        var random = new Random(seed);
        var n = random.Next(4, maxPeople + 1);
        var k = random.Next(2, Math.Min(5, n));
        var categoryCount = random.Next(1, 4);
        var values = new int[n, categoryCount];
        var categories = new List<Category>();
        for (var c = 0; c < categoryCount; c++)
        {
            var valueCount = random.Next(2, 4);
            for (var i = 0; i < n; i++)
            {
                // Skewed: the first value is more common, as volunteers are not representative.
                values[i, c] = random.NextDouble() < 0.5 ? 0 : random.Next(valueCount);
            }

            var quotas = new List<FeatureQuota>();
            for (var v = 0; v < valueCount; v++)
            {
                var share = (double)k / valueCount;
                var min = Math.Max(0, (int)Math.Floor(share) - random.Next(0, 2));
                var max = (int)Math.Ceiling(share) + random.Next(0, 2);
                quotas.Add(new FeatureQuota("v" + v.ToString(CultureInfo.InvariantCulture), min, max));
            }

            categories.Add(new Category("c" + c.ToString(CultureInfo.InvariantCulture), quotas));
        }

        var people = new List<Respondent>();
        for (var i = 0; i < n; i++)
        {
            var household = addresses ? "h" + random.Next(0, n - 1).ToString(CultureInfo.InvariantCulture) : null;
            people.Add(new Respondent(i.ToString(CultureInfo.InvariantCulture), [.. Enumerable.Range(0, categoryCount).Select(c => values[i, c])], household));
        }

        return (new Pool(categories, people, IdsAreRowNumbers: true), k);
    }
}
