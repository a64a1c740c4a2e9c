using Microsoft.AspNetCore.Authorization;
using Reflexes.Web.Modules.Access.Domain;

namespace Reflexes.Web.Modules.Outreach.Registry;

/// <summary>The register's online registration and import services.</summary>
internal static class RegistryServices
{
    /// <summary>Coordinators and administrators import existing lists.</summary>
    public const string ImportPolicy = "outreach-registry-import";

    public static IServiceCollection AddRegistryOnlineAndImport(this IServiceCollection services)
    {
        services.AddScoped<RegistryImporter>();
        services.AddScoped<RegistryDemo>();
        services.AddScoped<PublicFormThrottle>();
        services.AddAuthorizationBuilder().AddPolicy(ImportPolicy, p => p.RequireRole(Roles.Coordinator, Roles.Administrator));
        return services;
    }
}
