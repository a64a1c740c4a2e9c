namespace Reflexes.Web.Modules.Territory.Domain;

/// <summary>The territory this platform serves: one per deployment.</summary>
public sealed class TerritoryProfile
{
    public static readonly Guid SingletonId = new("00000000-0000-0000-0000-000000000001");

    private TerritoryProfile()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Official code (INSEE code of a commune, SIREN of an intercommunality...), optional.</summary>
    public string? OfficialCode { get; private set; }

    public int Population { get; private set; }

    public string? Description { get; private set; }

    public static TerritoryProfile Create(string name, string? officialCode, int population, string? description)
    {
        var profile = new TerritoryProfile { Id = SingletonId };
        profile.Update(name, officialCode, population, description);
        return profile;
    }

    public void Update(string name, string? officialCode, int population, string? description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(population);
        Name = name.Trim();
        OfficialCode = string.IsNullOrWhiteSpace(officialCode) ? null : officialCode.Trim();
        Population = population;
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
    }
}
