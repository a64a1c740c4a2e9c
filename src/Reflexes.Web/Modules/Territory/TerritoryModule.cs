using Reflexes.Web.Modules.Territory.DemoSeed;
using Reflexes.Web.Modules.Territory.Import;

namespace Reflexes.Web.Modules.Territory;

/// <summary>The territory's reference data: the territory, neighbourhoods, organisations and agents.</summary>
public static class TerritoryModule
{
    public static IServiceCollection AddTerritory(this IServiceCollection services)
    {
        services.AddScoped<TerritoryImporter>();
        services.AddScoped<Export.TerritoryExport>();
        services.AddScoped<DemoTerritory>();
        services.AddSingleton<TerritoryTime>();
        return services;
    }
}
