using System.Text.Json;

namespace Reflexes.Web.Modules.Reserve.Volunteers;

/// <summary>Where a volunteer lives when they gave only their neighbourhood: the centre of its outline.</summary>
public static class VolunteerPlaces
{
    /// <summary>
    /// The centroid (area-weighted, planar — neighbourhoods are small) of a GeoJSON Polygon or the largest
    /// polygon of a MultiPolygon, as (latitude, longitude); null when there is no usable outline.
    /// </summary>
    public static (double Latitude, double Longitude)? Centre(string? outlineGeoJson)
    {
        if (string.IsNullOrWhiteSpace(outlineGeoJson))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(outlineGeoJson);
            var root = doc.RootElement;
            var type = root.GetProperty("type").GetString();
            var coordinates = root.GetProperty("coordinates");
            var rings = type switch
            {
                "Polygon" => [coordinates[0]],
                "MultiPolygon" => coordinates.EnumerateArray().Select(p => p[0]).ToList(),
                _ => new List<JsonElement>(),
            };
            var best = rings.Select(RingCentroid).Where(c => c is not null).MaxBy(c => Math.Abs(c!.Value.Area));
            return best is { } b ? (b.Lat, b.Lon) : null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
        catch (IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static (double Lat, double Lon, double Area)? RingCentroid(JsonElement ring)
    {
        var points = ring.EnumerateArray().Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToList();
        if (points.Count < 3)
        {
            return null;
        }

        double area = 0, cx = 0, cy = 0;
        for (var i = 0; i < points.Count; i++)
        {
            var (x0, y0) = points[i];
            var (x1, y1) = points[(i + 1) % points.Count];
            var cross = (x0 * y1) - (x1 * y0);
            area += cross;
            cx += (x0 + x1) * cross;
            cy += (y0 + y1) * cross;
        }

        if (Math.Abs(area) < 1e-12)
        {
            return (points.Average(p => p.Y), points.Average(p => p.X), 0);
        }

        area /= 2;
        return (cy / (6 * area), cx / (6 * area), area);
    }
}
