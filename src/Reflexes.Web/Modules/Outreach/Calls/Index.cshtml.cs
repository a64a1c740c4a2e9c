using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Reflexes.Web.Modules.Outreach.Calls;

/// <summary>The caller's workspace: the running campaigns and the "next call" button (one person at a time).</summary>
[Authorize(Policy = Access.Policies.SignedIn)]
public sealed class IndexModel(CallDesk desk) : PageModel
{
    public IReadOnlyList<(Guid Id, string Name, int Due)> Campaigns { get; private set; } = [];

    public Guid? Current { get; private set; }

    /// <summary>The user is not an enrolled caller: the page says so, with a refusal status.</summary>
    public bool NotEnrolled { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await desk.CallerOfAsync(User, ct) is not { } caller)
        {
            NotEnrolled = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        Current = await desk.CurrentCallAsync(caller.Id, ct);
        Campaigns = await desk.OpenCampaignsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostNextAsync(Guid campaignId, CancellationToken ct)
    {
        var next = await desk.NextAsync(campaignId, User, ct);
        switch (next.Kind)
        {
            case CallDesk.NextKind.NotCaller:
                return Forbid();
            case CallDesk.NextKind.Handed when next.Sheet is not null:
                return Redirect("/outreach/calls/" + next.Sheet.CallId);
            case CallDesk.NextKind.NotRunning:
                TempData["Flash"] = "call.not-running";
                return Redirect("/outreach/calls");
            default:
                TempData["Flash"] = "call.nothing-due";
                return Redirect("/outreach/calls");
        }
    }
}
