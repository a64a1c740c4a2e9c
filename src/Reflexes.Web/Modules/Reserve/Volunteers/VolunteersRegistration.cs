using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Reserve.Agents;
using Reflexes.Web.Modules.Reserve.Skills;

namespace Reflexes.Web.Modules.Reserve.Volunteers;

/// <summary>The services of the reserve's people: volunteers, skills, the pool for planning, agents' reassignments.</summary>
public static class VolunteersRegistration
{
    public static IServiceCollection AddReserveVolunteers(this IServiceCollection services)
    {
        services.AddScoped<VolunteerDesk>();
        services.AddScoped<VolunteerPool>();
        services.AddScoped<SkillCatalogue>();
        services.AddScoped<StaffDirectoryLink>();
        services.AddScoped<ReassignmentDesk>();
        services.AddScoped<ReserveDemo>();
        // Reassignments first: erasure then counts their rows before the profile's removal would cascade to them.
        services.AddScoped<IPersonalDataHolder, VolunteersHolder>();
        services.AddScoped<IPersonalDataHolder, ReassignmentsHolder>();
        return services;
    }
}
