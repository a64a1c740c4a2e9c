using Reflexes.Web.Modules.Territory.Domain;

namespace Reflexes.Web.Tests.Territory;

public sealed class GeoJsonOutlineTests
{
    [Theory]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[[4.8,45.7],[4.9,45.7],[4.9,45.8],[4.8,45.7]]]}", null)]
    [InlineData("{\"type\":\"Feature\",\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[1,0],[1,1],[0,0]]]]}}", null)]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}", "geojson.ring-not-closed")]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}", "geojson.ring-too-short")]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[200,0],[1,1],[0,0]]]}", "geojson.out-of-range")]
    [InlineData("{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}", "geojson.not-polygon")]
    [InlineData("{\"type\":\"Polygon\"}", "geojson.no-coordinates")]
    [InlineData("[1,2]", "geojson.not-geometry")]
    [InlineData("{nope", "geojson.not-json")]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[[0,\"a\"],[1,0],[1,1],[0,0]]]}", "geojson.bad-position")]
    public void An_outline_is_a_closed_polygon_of_valid_positions(string geoJson, string? expected)
    {
        GeoJsonOutline.Validate(geoJson).ShouldBe(expected);
    }
}
