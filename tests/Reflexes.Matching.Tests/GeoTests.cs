using Reflexes.Matching.Model;

namespace Reflexes.Matching.Tests;

public sealed class GeoTests
{
    [Fact]
    public void The_network_builder_measures_every_pair_within_reach_exactly_as_the_plan_does()
    {
        var random = new Random(7);
        var measured = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var (lat1, lon1) = (45.76 + ((random.NextDouble() - 0.5) * 0.4), 4.84 + ((random.NextDouble() - 0.5) * 0.6));
            var (lat2, lon2) = (45.76 + ((random.NextDouble() - 0.5) * 0.4), 4.84 + ((random.NextDouble() - 0.5) * 0.6));
            var reach = Distances[i % Distances.Length] * 1000.0;
            var exact = Geo.DistanceMeters(lat1, lon1, lat2, lon2);

            var within = Geo.DistanceIfWithin(lat1, lon1, Geo.CosLatitude(lat1), lat2, lon2, Geo.CosLatitude(lat2), Geo.HaversineBound(reach), out var meters);

            if (exact <= reach)
            {
                within.ShouldBeTrue();
            }

            if (within)
            {
                BitConverter.DoubleToInt64Bits(meters).ShouldBe(BitConverter.DoubleToInt64Bits(exact));
                measured++;
            }

            var band = (reach / Geo.EarthRadiusMeters * 180.0 / Math.PI * (1 + 1e-9)) + 1e-9;
            if (exact <= reach)
            {
                Geo.LongitudeApart(lon1, lon2).ShouldBeLessThanOrEqualTo(Geo.LongitudeBand(lat1, band, Geo.HaversineBound(reach)));
            }
        }

        measured.ShouldBeGreaterThan(1_000);
    }

    [Fact]
    public void Longitudes_are_compared_across_the_antimeridian()
    {
        Geo.LongitudeApart(179.5, -179.5).ShouldBe(1.0, 1e-9);
        Geo.LongitudeApart(-10, 20).ShouldBe(30.0, 1e-9);
    }

    private static readonly double[] Distances = [2, 3, 5, 8, 10, 15];
}
