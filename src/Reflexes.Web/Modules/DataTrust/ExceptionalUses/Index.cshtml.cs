using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.DataBoard;
using Reflexes.Web.Modules.DataTrust.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.DataTrust.ExceptionalUses;

/// <summary>An agent's own requests; for the data board, every request, the pending ones first.</summary>
[Authorize(Policy = DataBoardPolicy.StaffOrBoard)]
public sealed class IndexModel(ReflexesDbContext db) : PageModel
{
    public bool IsBoard { get; private set; }

    public IReadOnlyList<ExceptionalUse> Uses { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsBoard = await db.SitsOnBoardAsync(User, ct);
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var query = db.ExceptionalUses.AsNoTracking();
        if (!IsBoard)
        {
            query = query.Where(u => u.RequestedByUserId == me);
        }

        var uses = await query.ToListAsync(ct);
        Uses = [.. uses.OrderBy(u => u.Status != ExceptionalUseStatus.Pending).ThenByDescending(u => u.RequestedAtUtc)];
    }
}
