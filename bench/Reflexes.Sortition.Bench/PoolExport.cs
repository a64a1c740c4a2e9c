using System.Globalization;
using System.Text;

namespace Reflexes.Sortition.Bench;

/// <summary>Writes a pool in the replication format (categories.csv, respondents.csv) for outside checks.</summary>
internal static class PoolExport
{
    public static void Write(string folder, Pool pool)
    {
        Directory.CreateDirectory(folder);
        var categories = new StringBuilder("category,feature,min,max\n");
        foreach (var category in pool.Categories)
        {
            foreach (var value in category.Values)
            {
                categories.Append(CultureInfo.InvariantCulture, $"{category.Name},{value.Value},{value.Min},{value.Max}\n");
            }
        }

        var respondents = new StringBuilder(string.Join(",", pool.Categories.Select(c => c.Name)) + "\n");
        for (var i = 0; i < pool.People.Count; i++)
        {
            respondents.Append(string.Join(",", pool.Categories.Select((_, c) => pool.Describe(i, c)))).Append('\n');
        }

        File.WriteAllText(Path.Combine(folder, "categories.csv"), categories.ToString());
        File.WriteAllText(Path.Combine(folder, "respondents.csv"), respondents.ToString());
    }
}
