using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Reserve.Volunteers;

namespace Reflexes.Web.Modules.Reserve;

/// <summary>The civic reserve's tables; each feature configures its own entities from here.</summary>
internal static class ReserveModel
{
    public static void Configure(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Missions.MissionsModel.Configure(builder);
        Offers.OffersModel.Configure(builder);
        Notifications.NotificationsModel.Configure(builder);
        Planning.AssignmentsModel.Configure(builder);
        VolunteersModel.Configure(builder);
    }
}
