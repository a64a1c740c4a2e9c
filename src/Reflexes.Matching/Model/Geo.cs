namespace Reflexes.Matching.Model;

/// <summary>Great-circle distances on a sphere of radius 6,371,000 m (haversine formula).</summary>
public static class Geo
{
    public const double EarthRadiusMeters = 6_371_000.0;

    public static double DistanceMeters(double lat1, double lon1, double lat2, double lon2)
    {
        // One computation for the network builder and the plan, so both give the same metres to the last bit.
        DistanceIfWithin(lat1, lon1, CosLatitude(lat1), lat2, lon2, CosLatitude(lat2), double.PositiveInfinity, out var meters);
        return meters;
    }

    /// <summary>The haversine term h = sin²(d / 2R) of a distance, slightly enlarged: a cheap pre-filter bound.</summary>
    internal static double HaversineBound(double meters)
    {
        var half = Math.Min(Math.PI / 2, meters / EarthRadiusMeters / 2);
        var sin = Math.Sin(half);
        return (sin * sin * (1 + 1e-9)) + 1e-15;
    }

    /// <summary>cos(latitude) exactly as <see cref="DistanceMeters"/> computes it, to be computed once per point.</summary>
    internal static double CosLatitude(double lat)
    {
        const double toRadians = Math.PI / 180.0;
        return Math.Cos(lat * toRadians);
    }

    /// <summary>
    /// <see cref="DistanceMeters"/> with both cosines given (from <see cref="CosLatitude"/>), bit for bit the same value,
    /// but only when the pair passes the <see cref="HaversineBound"/> pre-filter: false otherwise, without the square root
    /// and arcsine.
    /// </summary>
    internal static bool DistanceIfWithin(double lat1, double lon1, double cosLat1, double lat2, double lon2, double cosLat2, double bound, out double meters)
    {
        const double toRadians = Math.PI / 180.0;
        var dLat = (lat2 - lat1) * toRadians;
        var dLon = (lon2 - lon1) * toRadians;
        var sinLat = Math.Sin(dLat / 2);
        var sinLon = Math.Sin(dLon / 2);
        var h = (sinLat * sinLat) + (cosLat1 * cosLat2 * sinLon * sinLon);
        if (h > bound)
        {
            meters = 0;
            return false;
        }

        meters = 2 * EarthRadiusMeters * Math.Asin(Math.Min(1.0, Math.Sqrt(h)));
        return true;
    }

    /// <summary>
    /// The largest longitude difference (degrees) at which a point whose latitude is within <paramref name="latitudeBand"/>
    /// degrees of <paramref name="lat"/> may still pass <see cref="DistanceIfWithin"/> with the given bound; 360 when any may.
    /// </summary>
    internal static double LongitudeBand(double lat, double latitudeBand, double bound)
    {
        const double toRadians = Math.PI / 180.0;
        var farthest = Math.Min(90.0, Math.Abs(lat) + latitudeBand);
        var product = Math.Cos(lat * toRadians) * Math.Cos(farthest * toRadians);
        if (product <= 0 || bound >= product)
        {
            return 360.0;
        }

        var half = Math.Asin(Math.Sqrt(bound / product));
        return (2 * half / toRadians * (1 + 1e-9)) + 1e-9;
    }

    /// <summary>The difference of two longitudes in degrees, across the antimeridian when shorter.</summary>
    internal static double LongitudeApart(double lon1, double lon2)
    {
        var d = Math.Abs(lon1 - lon2);
        return d > 180.0 ? 360.0 - d : d;
    }

    /// <summary>The distance an assignment counts for in the objective: rounded to the nearest metre.</summary>
    public static long RoundedMeters(double meters) => (long)Math.Round(meters, MidpointRounding.AwayFromZero);
}
