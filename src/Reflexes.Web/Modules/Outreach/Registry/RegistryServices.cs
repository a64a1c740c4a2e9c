using Microsoft.AspNetCore.Authorization;
using Reflexes.Web.Modules.Access.Domain;

namespace Reflexes.Web.Modules.Outreach.Registry;

/// <summary>The register's online registration and import services.</summary>
internal static class RegistryServices
{
    /// <summary>Coordinators and administrators import existing lists.</summary>
    public const string ImportPolicy = "outreach-registry-import";

    /// <summary>Coordinators and agents merge two registrations of the same person (ADR 0534).</summary>
    public const string MergePolicy = "outreach-registry-merge";

    public static IServiceCollection AddRegistryOnlineAndImport(this IServiceCollection services)
    {
        services.AddScoped<RegistryImporter>();
        services.AddScoped<RegistryDemo>();
        services.AddScoped<PublicFormThrottle>();
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IConfiguration>().GetSection(UnconfirmedRequestsSettings.SectionName).Get<UnconfirmedRequestsSettings>() ?? new UnconfirmedRequestsSettings();
            return settings.SweepInterval > TimeSpan.Zero && settings.RetentionMonths > 0
                ? settings
                : throw new InvalidOperationException("Outreach:UnconfirmedRequests needs a positive RetentionMonths and a positive SweepInterval, e.g. 01:00:00.");
        });
        services.AddHostedService<UnconfirmedRequestsJob>();
        services.AddAuthorizationBuilder().AddPolicy(ImportPolicy, p => p.RequireRole(Roles.Coordinator, Roles.Administrator))
            .AddPolicy(MergePolicy, p => p.RequireRole(Roles.Coordinator, Roles.Agent));
        return services;
    }
}
