namespace Reflexes.Matching.Planning;

/// <summary>
/// Orders points along a Hilbert curve over their bounding box, so that points close on the map are mostly close
/// in the order. Ties (and equal points) keep their index order, so the result depends on the input only.
/// </summary>
internal static class SpatialOrder
{
    private const int Bits = 16;

    public static int[] Of(int count, Func<int, double> latitude, Func<int, double> longitude)
    {
        var order = new int[count];
        if (count == 0)
        {
            return order;
        }

        double minLat = double.MaxValue, maxLat = double.MinValue, minLon = double.MaxValue, maxLon = double.MinValue;
        for (var i = 0; i < count; i++)
        {
            minLat = Math.Min(minLat, latitude(i));
            maxLat = Math.Max(maxLat, latitude(i));
            minLon = Math.Min(minLon, longitude(i));
            maxLon = Math.Max(maxLon, longitude(i));
        }

        const int cells = (1 << Bits) - 1;
        var latSpan = Math.Max(maxLat - minLat, 1e-12);
        var lonSpan = Math.Max(maxLon - minLon, 1e-12);
        var keys = new long[count];
        for (var i = 0; i < count; i++)
        {
            var x = (int)Math.Round((longitude(i) - minLon) / lonSpan * cells);
            var y = (int)Math.Round((latitude(i) - minLat) / latSpan * cells);
            keys[i] = (HilbertIndex(x, y) << 31) | (uint)i; // the curve position takes 32 bits; the index breaks ties
            order[i] = i;
        }

        Array.Sort(keys, order);
        return order;
    }

    /// <summary>Position of cell (x, y) on the Hilbert curve filling a 2^16 × 2^16 grid.</summary>
    internal static long HilbertIndex(int x, int y)
    {
        var d = 0L;
        for (var s = 1 << (Bits - 1); s > 0; s >>= 1)
        {
            var rx = (x & s) != 0 ? 1 : 0;
            var ry = (y & s) != 0 ? 1 : 0;
            d += (long)s * s * ((3 * rx) ^ ry);
            if (ry == 0)
            {
                if (rx == 1)
                {
                    x = s - 1 - x;
                    y = s - 1 - y;
                }

                (x, y) = (y, x);
            }
        }

        return d;
    }
}
