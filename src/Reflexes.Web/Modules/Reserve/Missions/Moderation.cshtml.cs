using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Reserve.Domain;

namespace Reflexes.Web.Modules.Reserve.Missions;

/// <summary>The coordination unit's moderation queue, and the territory's crisis switch.</summary>
[Authorize(Policy = ReserveModule.CoordinationPolicy)]
public sealed class ModerationModel(MissionDesk desk) : PageModel
{
    public IReadOnlyList<Mission> Queue { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Organisations { get; private set; } = new Dictionary<Guid, string>();

    public bool CrisisMode { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Queue = await desk.ModerationQueueAsync(ct);
        Organisations = await desk.OrganisationNamesAsync(ct);
        CrisisMode = await desk.CrisisModeAsync(ct);
    }

    public async Task<IActionResult> OnPostCrisisAsync(bool on, CancellationToken ct)
    {
        await desk.SwitchCrisisModeAsync(on, User, ct);
        TempData["Flash"] = on ? "crisis.switched-on" : "crisis.switched-off";
        return Redirect("/reserve/moderation");
    }
}
