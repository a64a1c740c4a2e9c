using Reflexes.Web.Modules.Reserve.Missions;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Reserve.Contracts;

/// <summary>What the demo territory seeds for the reserve's needs side: missions next week and a partner poster.</summary>
public static class ReserveNeedsDemo
{
    public static Task SeedAsync(ReflexesDbContext db, TimeProvider clock, CancellationToken ct) => MissionsDemo.SeedAsync(db, clock, ct);
}
