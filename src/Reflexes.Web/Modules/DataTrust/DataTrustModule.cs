using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.DataTrust.Audit;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.DataTrust.PublishedProofs;

namespace Reflexes.Web.Modules.DataTrust;

/// <summary>Data trust: for now, the tamper-evident audit log with its signed tree heads and proofs.</summary>
public static class DataTrustModule
{
    /// <summary>Services shared by the web app and the command-line tool.</summary>
    public static IServiceCollection AddDataTrust(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(AuditSettings.SectionName).Get<AuditSettings>() ?? new AuditSettings());
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<AuditProofs>();
        services.AddScoped<AuditVerification>();
        services.AddScoped<AuditSigning>();
        services.AddAuthorizationBuilder()
            .AddPolicy(DataTrustPolicies.DataProtection, p => p.RequireRole(Roles.DataProtectionOfficer, Roles.Administrator));
        return services;
    }

    /// <summary>The web app's periodic signing of tree heads.</summary>
    public static IServiceCollection AddDataTrustJobs(this IServiceCollection services) =>
        services.AddHostedService<AuditTreeHeadJob>();

    public static IEndpointRouteBuilder MapDataTrust(this IEndpointRouteBuilder endpoints)
    {
        var audit = endpoints.MapGroup("/api/audit");
        audit.MapGet("/tree-heads", AuditProofEndpoints.TreeHeadsAsync).AllowAnonymous();
        audit.MapGet("/consistency", AuditProofEndpoints.ConsistencyAsync).AllowAnonymous();
        // An inclusion proof reveals an entry's leaf hash, which could confirm a guess about who read what.
        audit.MapGet("/inclusion", AuditProofEndpoints.InclusionAsync).RequireAuthorization(DataTrustPolicies.DataProtection);
        return endpoints;
    }
}
