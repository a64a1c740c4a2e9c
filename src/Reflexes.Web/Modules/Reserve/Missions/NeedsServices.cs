using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Reserve.Notifications;
using Reflexes.Web.Modules.Reserve.Offers;

namespace Reflexes.Web.Modules.Reserve.Missions;

/// <summary>The needs side of the reserve: missions, offers, catalogue, planning, my missions, recognition, notifications.</summary>
public static class NeedsServices
{
    public static IServiceCollection AddReserveNeeds(this IServiceCollection services)
    {
        services.AddScoped<MissionDesk>();
        services.AddScoped<PosterLinks>();
        services.AddScoped<OfferDesk>();
        services.AddScoped<Notifier>();
        services.AddScoped<Planning.PlanningDesk>();
        services.AddScoped<MyMissions.MyMissionsDesk>();
        services.AddScoped<Recognition.RecognitionDesk>();
        services.AddScoped<Catalogue.CatalogueDesk>();
        services.AddOptions<Catalogue.CatalogueMapSettings>().BindConfiguration("Reserve:Map");
        services.AddScoped<IPersonalDataHolder, OffersHolder>();
        services.AddScoped<IPersonalDataHolder, MyMissions.AssignmentsHolder>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ReserveModule.PostingPolicy, p => p.RequireRole(Roles.Partner, Roles.Coordinator, Roles.Agent, Roles.Administrator));
        return services;
    }
}
