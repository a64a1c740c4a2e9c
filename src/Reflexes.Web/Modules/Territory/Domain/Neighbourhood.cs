namespace Reflexes.Web.Modules.Territory.Domain;

/// <summary>A neighbourhood of the territory, with an optional GeoJSON outline.</summary>
public sealed class Neighbourhood
{
    private Neighbourhood()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Short stable code used by imports and other modules (e.g. "NORD").</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>A GeoJSON Polygon or MultiPolygon geometry (WGS 84), validated on the way in.</summary>
    public string? OutlineGeoJson { get; private set; }

    public static Neighbourhood Create(string code, string name, string? outlineGeoJson, Guid? id = null)
    {
        var n = new Neighbourhood { Id = id ?? Guid.NewGuid() };
        n.Update(code, name, outlineGeoJson);
        return n;
    }

    public void Update(string code, string name, string? outlineGeoJson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!string.IsNullOrWhiteSpace(outlineGeoJson) && GeoJsonOutline.Validate(outlineGeoJson) is { } error)
        {
            throw new ArgumentException(error, nameof(outlineGeoJson));
        }

        Code = code.Trim().ToUpperInvariant();
        Name = name.Trim();
        OutlineGeoJson = string.IsNullOrWhiteSpace(outlineGeoJson) ? null : outlineGeoJson.Trim();
    }
}
