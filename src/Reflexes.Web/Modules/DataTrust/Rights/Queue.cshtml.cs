using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.DataTrust.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.DataTrust.Rights;

/// <summary>The data-protection officer's queue: open requests by deadline, the overdue ones flagged.</summary>
[Authorize(Policy = Policies.DataProtectionOfficer)]
public sealed class QueueModel(ReflexesDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<RightsRequest> Open { get; private set; } = [];

    public IReadOnlyList<RightsRequest> Closed { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var all = await db.RightsRequests.AsNoTracking().ToListAsync(ct);
        Open = [.. all.Where(r => r.Status == RightsRequestStatus.Open).OrderBy(r => r.Deadline)];
        Closed = [.. all.Where(r => r.Status != RightsRequestStatus.Open).OrderByDescending(r => r.ClosedAtUtc).Take(100)];
    }
}
