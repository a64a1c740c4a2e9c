namespace Reflexes.Sortition.Engine;

/// <summary>
/// The pool seen as types: people with identical values in every category are interchangeable, so the
/// optimisation works with how many of each type a panel holds. Under the household rule, people who share
/// an address with someone else are kept as types of their own, and each such household becomes a row
/// "at most one of these".
/// </summary>
internal sealed class TypeModel
{
    private TypeModel(Pool pool, int k, int[] featureOffset, int[][] typeFeatures, int[][] members, int[] typeOf, int[][] households)
    {
        Pool = pool;
        K = k;
        FeatureOffset = featureOffset;
        TypeFeatures = typeFeatures;
        Members = members;
        TypeOf = typeOf;
        Households = households;
        FeatureCount = featureOffset[^1];
        FeatureMin = new int[FeatureCount];
        FeatureMax = new int[FeatureCount];
        FeatureName = new string[FeatureCount];
        for (var c = 0; c < pool.Categories.Count; c++)
        {
            var category = pool.Categories[c];
            for (var v = 0; v < category.Values.Count; v++)
            {
                FeatureMin[featureOffset[c] + v] = category.Values[v].Min;
                FeatureMax[featureOffset[c] + v] = category.Values[v].Max;
                FeatureName[featureOffset[c] + v] = $"{category.Name}={category.Values[v].Value}";
            }
        }
    }

    public Pool Pool { get; }

    public int K { get; }

    public int[] FeatureOffset { get; }

    public int FeatureCount { get; }

    public int[] FeatureMin { get; }

    public int[] FeatureMax { get; }

    public string[] FeatureName { get; }

    /// <summary>Global feature indices of each type, one per category.</summary>
    public int[][] TypeFeatures { get; }

    /// <summary>Person indices of each type.</summary>
    public int[][] Members { get; }

    public int[] TypeOf { get; }

    /// <summary>Types (each a single person) that share an address: at most one of each group may sit.</summary>
    public int[][] Households { get; }

    public int TypeCount => Members.Length;

    public static TypeModel Build(Pool pool, int k, bool households)
    {
        var offset = new int[pool.Categories.Count + 1];
        for (var c = 0; c < pool.Categories.Count; c++)
        {
            offset[c + 1] = offset[c] + pool.Categories[c].Values.Count;
        }

        var sharedAddress = new HashSet<string>(StringComparer.Ordinal);
        if (households)
        {
            sharedAddress = [.. pool.People
                .Where(p => p.Household is not null)
                .GroupBy(p => p.Household!, StringComparer.Ordinal)
                .Where(g => g.Count() > 1)
                .Select(g => g.Key)];
        }

        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var members = new List<List<int>>();
        var features = new List<int[]>();
        var typeOf = new int[pool.People.Count];
        var householdTypes = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < pool.People.Count; i++)
        {
            var person = pool.People[i];
            var vector = person.Values.Select((v, c) => offset[c] + v).ToArray();
            var shared = person.Household is not null && sharedAddress.Contains(person.Household);
            var key = shared ? $"#{i}" : string.Join(",", vector);
            if (!byKey.TryGetValue(key, out var type))
            {
                type = members.Count;
                byKey[key] = type;
                members.Add([]);
                features.Add(vector);
            }

            members[type].Add(i);
            typeOf[i] = type;
            if (shared)
            {
                if (!householdTypes.TryGetValue(person.Household!, out var list))
                {
                    list = [];
                    householdTypes[person.Household!] = list;
                }

                list.Add(type);
            }
        }

        return new TypeModel(pool, k, offset, [.. features], [.. members.Select(m => m.ToArray())], typeOf, [.. householdTypes.Values.Select(l => l.ToArray())]);
    }

    /// <summary>True if the type counts form a panel of size k meeting every quota and the household rule.</summary>
    public bool IsValidPanel(IReadOnlyList<int> counts)
    {
        var perFeature = new int[FeatureCount];
        var size = 0;
        for (var t = 0; t < counts.Count; t++)
        {
            if (counts[t] < 0 || counts[t] > Members[t].Length)
            {
                return false;
            }

            size += counts[t];
            foreach (var f in TypeFeatures[t])
            {
                perFeature[f] += counts[t];
            }
        }

        if (size != K)
        {
            return false;
        }

        for (var f = 0; f < FeatureCount; f++)
        {
            if (perFeature[f] < FeatureMin[f] || perFeature[f] > FeatureMax[f])
            {
                return false;
            }
        }

        return Households.All(h => h.Sum(t => counts[t]) <= 1);
    }
}
