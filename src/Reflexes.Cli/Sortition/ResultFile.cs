using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Reflexes.Sortition;

namespace Reflexes.Cli.Sortition;

/// <summary>
/// result.json: the lottery computed by `sortition select`, and the pool it is about (quotas, each person's
/// values, a hashed household key under the household rule — never names or addresses), so that later
/// steps need no other file.
/// </summary>
internal static class ResultFile
{
    public static void Write(Stream stream, SelectionResult result, bool households)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        var pool = result.Pool;
        json.WriteStartObject();
        json.WriteString("algorithm", result.Algorithm.ToString().ToLowerInvariant());
        json.WriteNumber("n", pool.People.Count);
        json.WriteNumber("k", result.K);
        json.WriteNumber("minProbability", result.MinProbability);
        json.WriteNumber("gini", result.Gini);
        json.WriteNumber("geometricMean", result.GeometricMean);
        json.WriteNumber("seconds", Math.Round(result.Elapsed.TotalSeconds, 3));
        json.WriteString("details", result.Details);
        json.WriteStartArray("probabilities");
        for (var i = 0; i < pool.People.Count; i++)
        {
            json.WriteStartObject();
            WriteId(json, "id", pool, i);
            json.WriteNumber("probability", result.Probabilities[i]);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("panels");
        foreach (var panel in result.Panels)
        {
            json.WriteStartObject();
            json.WriteNumber("probability", panel.Probability);
            WriteMembers(json, "members", pool, panel.Members);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("neverSelectable");
        foreach (var never in result.NeverSelectable)
        {
            json.WriteStartObject();
            WriteId(json, "id", pool, never.Person);
            json.WriteString("reason", never.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WritePool(json, pool, households);
        json.WriteEndObject();
    }

    public static void WritePool(Utf8JsonWriter json, Pool pool, bool households)
    {
        json.WriteStartObject("pool");
        json.WriteBoolean("households", households);
        json.WriteBoolean("idsAreRowNumbers", pool.IdsAreRowNumbers);
        json.WriteStartArray("categories");
        foreach (var category in pool.Categories)
        {
            json.WriteStartObject();
            json.WriteString("name", category.Name);
            json.WriteStartArray("values");
            foreach (var value in category.Values)
            {
                json.WriteStartObject();
                json.WriteString("value", value.Value);
                json.WriteNumber("min", value.Min);
                json.WriteNumber("max", value.Max);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("people");
        for (var i = 0; i < pool.People.Count; i++)
        {
            var person = pool.People[i];
            json.WriteStartObject();
            WriteId(json, "id", pool, i);
            json.WriteStartArray("values");
            for (var c = 0; c < pool.Categories.Count; c++)
            {
                json.WriteStringValue(pool.Describe(i, c));
            }

            json.WriteEndArray();
            if (households && person.Household is not null)
            {
                json.WriteString("household", HouseholdHash(person.Household));
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void WriteId(Utf8JsonWriter json, string name, Pool pool, int person)
    {
        if (pool.IdsAreRowNumbers)
        {
            json.WriteNumber(name, int.Parse(pool.People[person].Id, CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteString(name, pool.People[person].Id);
        }
    }

    public static void WriteMembers(Utf8JsonWriter json, string name, Pool pool, IEnumerable<int> members)
    {
        json.WriteStartArray(name);
        foreach (var m in members)
        {
            if (pool.IdsAreRowNumbers)
            {
                json.WriteNumberValue(int.Parse(pool.People[m].Id, CultureInfo.InvariantCulture));
            }
            else
            {
                json.WriteStringValue(pool.People[m].Id);
            }
        }

        json.WriteEndArray();
    }

    /// <summary>Reads the pool section and the panels of a result file. Throws <see cref="FormatException"/> with the JSON path at fault.</summary>
    public static (Pool Pool, bool Households, int K, string Algorithm, List<SelectedPanel> Panels) Read(JsonElement root)
    {
        var (pool, households) = ReadPool(Property(root, "pool", "$"));
        var k = Property(root, "k", "$").GetInt32();
        var algorithm = Property(root, "algorithm", "$").GetString() ?? "";
        var index = Index(pool);
        var panels = new List<SelectedPanel>();
        var p = 0;
        foreach (var panel in Property(root, "panels", "$").EnumerateArray())
        {
            var path = $"$.panels[{p++}]";
            var probability = Property(panel, "probability", path).GetDouble();
            var members = Members(Property(panel, "members", path), index, path + ".members");
            panels.Add(new SelectedPanel(probability, members));
        }

        return (pool, households, k, algorithm, panels);
    }

    public static (Pool Pool, bool Households) ReadPool(JsonElement element)
    {
        var households = Property(element, "households", "$.pool").GetBoolean();
        var idsAreRowNumbers = Property(element, "idsAreRowNumbers", "$.pool").GetBoolean();
        var categories = new List<Category>();
        foreach (var category in Property(element, "categories", "$.pool").EnumerateArray())
        {
            var values = Property(category, "values", "$.pool.categories").EnumerateArray()
                .Select(v => new FeatureQuota(Property(v, "value", "$.pool.categories").GetString()!, Property(v, "min", "$.pool.categories").GetInt32(), Property(v, "max", "$.pool.categories").GetInt32()))
                .ToList();
            categories.Add(new Category(Property(category, "name", "$.pool.categories").GetString()!, values));
        }

        var people = new List<Respondent>();
        var i = 0;
        foreach (var person in Property(element, "people", "$.pool").EnumerateArray())
        {
            var path = $"$.pool.people[{i++}]";
            var names = Property(person, "values", path).EnumerateArray().Select(v => v.GetString() ?? "").ToArray();
            if (names.Length != categories.Count)
            {
                throw new FormatException($"{path}.values: {names.Length} values for {categories.Count} categories.");
            }

            var values = names.Select((name, c) => categories[c].IndexOf(name) is var v and >= 0 ? v
                : throw new FormatException($"{path}.values[{c}]: '{name}' is not a value of '{categories[c].Name}'.")).ToArray();
            var household = person.TryGetProperty("household", out var h) ? h.GetString() : null;
            people.Add(new Respondent(IdText(Property(person, "id", path)), values, household));
        }

        return (new Pool(categories, people, idsAreRowNumbers), households);
    }

    public static Dictionary<string, int> Index(Pool pool) =>
        pool.People.Select((p, i) => (p.Id, i)).ToDictionary(e => e.Id, e => e.i, StringComparer.Ordinal);

    public static int[] Members(JsonElement array, Dictionary<string, int> index, string path) =>
        [.. array.EnumerateArray().Select((m, j) => index.TryGetValue(IdText(m), out var person) ? person
            : throw new FormatException($"{path}[{j}]: unknown person id {m.GetRawText()}."))];

    public static JsonElement Property(JsonElement element, string name, string path) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value
            : throw new FormatException($"{path}: missing \"{name}\".");

    public static string IdText(JsonElement id) => id.ValueKind == JsonValueKind.Number ? id.GetRawText() : id.GetString() ?? "";

    private static string HouseholdHash(string household) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(household)))[..16];
}
