using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Outreach.Campaigns;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.Outreach.Callers;

/// <summary>The campaign lead enrols callers (staff or civic-reserve residents), sets their level and sees their activity.</summary>
[Authorize(Policy = CampaignsServices.LeadPolicy)]
public sealed class IndexModel(CallerDesk desk) : PageModel
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public CallerLevel Level { get; set; } = CallerLevel.Beginner;
    [BindProperty] public CallerKind Kind { get; set; } = CallerKind.Reserve;

    public IReadOnlyList<CallerDesk.CallerRow> Callers { get; private set; } = [];

    public FormErrors Errors { get; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Callers = await desk.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Enum.IsDefined(Level) || !Enum.IsDefined(Kind))
        {
            Errors.Add(nameof(Level), "caller.error.level");
        }

        var result = Errors.Any ? CallerDesk.EnrolResult.UnknownUser : await desk.EnrolAsync(Email ?? "", Level, Kind, User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        if (result == CallerDesk.EnrolResult.UnknownUser && !Errors.Any)
        {
            Errors.Add(nameof(Email), "caller.error.unknown-user");
        }
        else if (result == CallerDesk.EnrolResult.AlreadyEnrolled)
        {
            Errors.Add(nameof(Email), "caller.error.already");
        }

        if (Errors.Any)
        {
            Callers = await desk.ListAsync(ct);
            return Page();
        }

        TempData["Flash"] = "caller.enrolled";
        return Redirect("/outreach/callers");
    }

    public async Task<IActionResult> OnPostChangeAsync(Guid callerId, CallerLevel level, bool active, CancellationToken ct)
    {
        if (!Enum.IsDefined(level) || !await desk.ChangeAsync(callerId, level, active, ct))
        {
            return BadRequest();
        }

        TempData["Flash"] = "caller.changed";
        return Redirect("/outreach/callers");
    }
}
