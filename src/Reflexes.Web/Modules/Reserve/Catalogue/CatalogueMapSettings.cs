namespace Reflexes.Web.Modules.Reserve.Catalogue;

/// <summary>
/// The catalogue map's tile server ("Reserve:Map" in appsettings). Its origin must also be listed in
/// "Security:ImageSources" so that the Content-Security-Policy lets the tiles in. An empty URL turns the map off.
/// </summary>
public sealed class CatalogueMapSettings
{
    public string TileUrl { get; set; } = "";

    public string Attribution { get; set; } = "";

    public int MaxZoom { get; set; } = 19;
}
