using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.Reserve.Missions;
using Reflexes.Web.Modules.Reserve.Volunteers;

namespace Reflexes.Web.Modules.Reserve;

/// <summary>
/// The civic reserve: volunteers and reassigned agents, the needs (missions) and offers of the territory,
/// and the coordinators' planning of who goes where, computed by the matching engine.
/// </summary>
public static class ReserveModule
{
    /// <summary>The coordination unit: moderates missions, plans and publishes.</summary>
    public const string CoordinationPolicy = "reserve-coordination";

    /// <summary>Who posts missions: partner associations, municipal services (agents) and the coordination unit.</summary>
    public const string PostingPolicy = "reserve-posting";

    public static IServiceCollection AddReserve(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(CoordinationPolicy, p => p.RequireRole(Roles.Coordinator, Roles.Administrator));
        // The people side first: a person's data portfolio lists their registration before their offers and missions.
        services.AddReserveVolunteers();
        services.AddReserveNeeds();
        return services;
    }
}
