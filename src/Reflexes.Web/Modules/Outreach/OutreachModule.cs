using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Campaigns;
using Reflexes.Web.Modules.Outreach.Registry;

namespace Reflexes.Web.Modules.Outreach;

/// <summary>Proactive outreach: the register of fragile residents (call campaigns and referrals build on it).</summary>
public static class OutreachModule
{
    /// <summary>Coordinators, orientators and agents (callers) work with the register.</summary>
    public const string Policy = "outreach";

    public static IServiceCollection AddOutreach(this IServiceCollection services)
    {
        services.AddScoped<RegistryDesk>();
        services.AddScoped<Referrals.ReferralDesk>();
        services.AddScoped<IPersonalDataHolder, RegistryHolder>();
        Referrals.ReferralServices.AddReferrals(services);
        services.AddCampaigns();
        services.AddRegistryOnlineAndImport();
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.RequireRole(Roles.Coordinator, Roles.Orientator, Roles.Agent));
        return services;
    }
}
