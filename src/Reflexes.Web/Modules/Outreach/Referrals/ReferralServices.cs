using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Modules.Outreach.Orientation;

namespace Reflexes.Web.Modules.Outreach.Referrals;

/// <summary>Referrals and their orientation: services, policies, settings and the escalation job.</summary>
public static class ReferralServices
{
    /// <summary>Orientators: the queue, routing and a referral's full record.</summary>
    public const string OrientatorPolicy = "referrals-orientator";

    /// <summary>Orientators and coordinators: routing rules, service members and the dashboard.</summary>
    public const string OrientationPolicy = "referrals-orientation";

    /// <summary>People who may work for a receiving service (partners and agents); the inbox shows only their services' referrals.</summary>
    public const string InboxPolicy = "referrals-inbox";

    public static IServiceCollection AddReferrals(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var deadlines = sp.GetRequiredService<IConfiguration>().GetSection(ReferralDeadlines.SectionName).Get<ReferralDeadlines>() ?? new ReferralDeadlines();
            var problems = deadlines.Problems();
            return problems.Count == 0 ? deadlines : throw new InvalidOperationException(string.Join(" ", problems));
        });
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IConfiguration>().GetSection("Referrals").Get<ReferralJobSettings>() ?? new ReferralJobSettings();
            return settings.EscalationInterval > TimeSpan.Zero
                ? settings
                : throw new InvalidOperationException("Referrals:EscalationInterval must be a positive duration, e.g. 00:05:00.");
        });
        services.AddScoped<ReferralRecords>();
        services.AddScoped<ServiceMembership>();
        services.AddScoped<ServiceInbox>();
        services.AddScoped<OrientationDesk>();
        services.AddScoped<OrientationDashboard>();
        services.AddScoped<ReferralDemo>();
        services.AddScoped<IPersonalDataHolder, ReferralHolder>();
        services.AddHostedService<ReferralEscalationJob>();
        services.AddAuthorizationBuilder()
            .AddPolicy(OrientatorPolicy, p => p.RequireRole(Roles.Orientator))
            .AddPolicy(OrientationPolicy, p => p.RequireRole(Roles.Orientator, Roles.Coordinator))
            .AddPolicy(InboxPolicy, p => p.RequireRole(Roles.Partner, Roles.Agent));
        return services;
    }
}
