using System.Text.Json;

namespace Reflexes.Web.Modules.Territory.Domain;

/// <summary>Checks that a text is a GeoJSON Polygon or MultiPolygon with closed rings of valid coordinates.</summary>
public static class GeoJsonOutline
{
    /// <summary>Returns null when the outline is valid, or a message key describing what is wrong.</summary>
    public static string? Validate(string geoJson)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(geoJson);
        }
        catch (JsonException)
        {
            return "geojson.not-json";
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return "geojson.not-geometry";
            }

            if (root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                && type.GetString() == "Feature" && root.TryGetProperty("geometry", out var geometry))
            {
                root = geometry;
            }

            if (!root.TryGetProperty("type", out type) || type.ValueKind != JsonValueKind.String)
            {
                return "geojson.not-geometry";
            }

            if (!root.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
            {
                return "geojson.no-coordinates";
            }

            return type.GetString() switch
            {
                "Polygon" => ValidatePolygon(coordinates),
                "MultiPolygon" => coordinates.GetArrayLength() == 0
                    ? "geojson.empty"
                    : coordinates.EnumerateArray().Select(ValidatePolygon).FirstOrDefault(e => e is not null),
                _ => "geojson.not-polygon",
            };
        }
    }

    private static string? ValidatePolygon(JsonElement polygon)
    {
        if (polygon.ValueKind != JsonValueKind.Array || polygon.GetArrayLength() == 0)
        {
            return "geojson.empty";
        }

        foreach (var ring in polygon.EnumerateArray())
        {
            if (ring.ValueKind != JsonValueKind.Array || ring.GetArrayLength() < 4)
            {
                return "geojson.ring-too-short";
            }

            var points = new List<(double Lon, double Lat)>();
            foreach (var position in ring.EnumerateArray())
            {
                if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                    || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
                {
                    return "geojson.bad-position";
                }

                var lon = position[0].GetDouble();
                var lat = position[1].GetDouble();
                if (lon is < -180 or > 180 || lat is < -90 or > 90)
                {
                    return "geojson.out-of-range";
                }

                points.Add((lon, lat));
            }

            if (points[0] != points[^1])
            {
                return "geojson.ring-not-closed";
            }
        }

        return null;
    }
}
