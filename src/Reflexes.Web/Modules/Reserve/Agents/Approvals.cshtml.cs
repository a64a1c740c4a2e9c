using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Access;

namespace Reflexes.Web.Modules.Reserve.Agents;

/// <summary>
/// The home manager's approval queue: the reassignment periods their agents asked for. A manager is the
/// agent the staff directory names as the requesting agent's manager (see docs/adr/0311).
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ApprovalsModel(ReassignmentDesk desk) : PageModel
{
    public IReadOnlyList<ReassignmentDesk.ReassignmentView> Queue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Queue = await desk.QueueAsync(User, ct);

    public Task<IActionResult> OnPostApproveAsync(Guid id, string? note, CancellationToken ct) => DecideAsync(id, true, note, ct);

    public Task<IActionResult> OnPostRefuseAsync(Guid id, string? note, CancellationToken ct) => DecideAsync(id, false, note, ct);

    private async Task<IActionResult> DecideAsync(Guid id, bool approve, string? note, CancellationToken ct)
    {
        if (!await desk.DecideAsync(id, approve, note, User, ct))
        {
            return NotFound();
        }

        TempData["Flash"] = approve ? "reassignment.approved" : "reassignment.refused";
        return Redirect("/reserve/agents/approvals");
    }
}
