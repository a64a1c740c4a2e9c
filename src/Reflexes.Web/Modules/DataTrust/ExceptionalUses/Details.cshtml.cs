using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.DataBoard;
using Reflexes.Web.Modules.DataTrust.Domain;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.DataTrust.ExceptionalUses;

/// <summary>One request: its terms, and for a board member who did not ask for it, the decision.</summary>
[Authorize(Policy = DataBoardPolicy.StaffOrBoard)]
public sealed class DetailsModel(ReflexesDbContext db, TimeProvider clock) : PageModel
{
    public ExceptionalUse Use { get; private set; } = null!;

    public string RequestedBy { get; private set; } = "";

    public string? DecidedBy { get; private set; }

    public bool CanDecide { get; private set; }

    [BindProperty]
    public string Reasons { get; set; } = "";

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) => DecideAsync(id, (u, me, now) => u.Approve(me, Reasons, now), ct);

    public Task<IActionResult> OnPostRefuseAsync(Guid id, CancellationToken ct) => DecideAsync(id, (u, me, now) => u.Refuse(me, Reasons, now), ct);

    public Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct) => DecideAsync(id, (u, me, now) => u.Revoke(me, Reasons, now), ct);

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var use = await db.ExceptionalUses.FirstOrDefaultAsync(u => u.Id == id, ct);
        var board = await db.SitsOnBoardAsync(User, ct);
        if (use is null || (!board && use.RequestedByUserId != Me))
        {
            return false;
        }

        Use = use;
        CanDecide = board && use.RequestedByUserId != Me && use.Status is ExceptionalUseStatus.Pending or ExceptionalUseStatus.Approved;
        var names = await db.Users.Where(u => u.Id == use.RequestedByUserId || u.Id == use.DecidedByUserId)
            .Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        RequestedBy = names.GetValueOrDefault(use.RequestedByUserId, "?");
        DecidedBy = use.DecidedByUserId is { } d ? names.GetValueOrDefault(d, "?") : null;
        return true;
    }

    private async Task<IActionResult> DecideAsync(Guid id, Action<ExceptionalUse, string, DateTime> decide, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanDecide)
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(Reasons) || Reasons.Trim().Length > 2000)
        {
            Errors.Add(nameof(Reasons), "exceptional.error.reasons");
            return Page();
        }

        try
        {
            decide(Use, Me, clock.GetUtcNow().UtcDateTime);
        }
        catch (InvalidOperationException)
        {
            Errors.Add(nameof(Reasons), "exceptional.error.already-decided");
            return Page();
        }

        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "exceptional.decided";
        return Redirect("/data-trust/exceptional-uses/" + id);
    }
}
