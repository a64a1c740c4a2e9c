namespace Reflexes.Sortition;

/// <summary>A quota category (gender, age, district...) and its values; every respondent has exactly one value.</summary>
public sealed record Category(string Name, IReadOnlyList<FeatureQuota> Values)
{
    public int IndexOf(string value)
    {
        for (var i = 0; i < Values.Count; i++)
        {
            if (string.Equals(Values[i].Value, value, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
