using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Callers;

namespace Reflexes.Web.Modules.Outreach.Campaigns;

/// <summary>Services and policy of call campaigns.</summary>
public static class CampaignsServices
{
    /// <summary>Campaign leads: prepare campaigns, enrol callers, supervise, read dashboards.</summary>
    public const string LeadPolicy = "outreach-campaign-lead";

    public static IServiceCollection AddCampaigns(this IServiceCollection services)
    {
        services.AddScoped<CampaignDesk>();
        services.AddScoped<CallerDesk>();
        services.AddScoped<Calls.CallDesk>();
        services.AddScoped<CampaignDemo>();
        services.AddScoped<Contracts.CallerNavigation>();
        services.AddScoped<IPersonalDataHolder, Calls.CallHistoryHolder>();
        services.AddAuthorizationBuilder().AddPolicy(LeadPolicy, p => p.RequireRole(Roles.Coordinator));
        return services;
    }
}
