using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.Reserve.Agents;

/// <summary>
/// A host organisation's members see the agents reassigned to it and name each one's technical mentor themselves
/// (partner accounts linked to the organisation); a reassignment hosted elsewhere is refused (docs/adr/0325).
/// </summary>
[Authorize(Policy = ReserveModule.PostingPolicy)]
public sealed class HostedModel(ReassignmentDesk desk) : PageModel
{
    public IReadOnlyList<ReassignmentDesk.ReassignmentView> Hosted { get; private set; } = [];

    public FormErrors Errors { get; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Hosted = await desk.HostedAsync(User, ct);

    public async Task<IActionResult> OnPostMentorAsync(Guid id, string? mentor, CancellationToken ct)
    {
        if (!await desk.NameMentorAsHostAsync(id, mentor, User, ct))
        {
            Errors.Add("mentor-" + id, "reassignment.error.mentor-host");
            Hosted = await desk.HostedAsync(User, ct);
            return Page();
        }

        TempData["Flash"] = "reassignment.mentor-named";
        return Redirect("/reserve/agents/hosted");
    }
}
