using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.DataTrust.Domain;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.DataTrust.DataBoard;

/// <summary>The data-protection officer designates who sits on the data board beside them.</summary>
[Authorize(Policy = Policies.DataProtectionOfficer)]
public sealed class MembersModel(ReflexesDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(string UserId, string Name, string Email, DateTime Since)> Members { get; private set; } = [];

    [BindProperty]
    public string Email { get; set; } = "";

    public FormErrors Errors { get; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var email = (Email ?? "").Trim();
        var normalized = email.ToUpperInvariant();
        var user = email.Length == 0 ? null : await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
        if (user is null)
        {
            Errors.Add(nameof(Email), "board.error.unknown");
        }
        else if (await db.DataBoardMembers.AnyAsync(m => m.UserId == user.Id, ct))
        {
            Errors.Add(nameof(Email), "board.error.already");
        }

        if (Errors.Any)
        {
            await LoadAsync(ct);
            return Page();
        }

        db.DataBoardMembers.Add(DataBoardMember.Designate(user!.Id, User.FindFirstValue(ClaimTypes.NameIdentifier)!, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "form.saved";
        return Redirect("/data-trust/board");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string userId, CancellationToken ct)
    {
        var member = await db.DataBoardMembers.FirstOrDefaultAsync(m => m.UserId == userId, ct);
        if (member is null)
        {
            return NotFound();
        }

        db.DataBoardMembers.Remove(member);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "form.deleted";
        return Redirect("/data-trust/board");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = await (
            from m in db.DataBoardMembers
            join u in db.Users on m.UserId equals u.Id
            select new { m.UserId, u.DisplayName, u.Email, m.AddedAtUtc }).ToListAsync(ct);
        Members = [.. rows.OrderBy(r => r.DisplayName, StringComparer.CurrentCulture).Select(r => (r.UserId, r.DisplayName, r.Email ?? "", r.AddedAtUtc))];
    }
}
