using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.Reserve.Missions;

/// <summary>
/// One mission for those who manage it: its slots and status, and what can happen next (submit, publish or
/// return with a reason, complete, cancel with a reason). Published missions are public in the catalogue.
/// </summary>
[Authorize(Policy = ReserveModule.PostingPolicy)]
public sealed class DetailsModel(MissionDesk desk) : PageModel
{
    public Mission Mission { get; private set; } = null!;

    public MissionView View { get; private set; } = null!;

    public bool IsCoordinator => MissionDesk.IsCoordinator(User);

    [BindProperty] public string? Reason { get; set; }

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        if (Mission.Status != MissionStatus.Draft)
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }

        var tracked = (await desk.FindAsync(id, ct))!;
        var problems = tracked.Slots.Count == 0 || tracked.Slots.Any(s => s.Date < desk.Today);
        if (problems)
        {
            Errors.Add("edit", "mission.error.resubmit-past");
            return Page();
        }

        await desk.SubmitAsync(tracked, ct);
        await desk.NotifyCoordinatorsAsync(tracked, ct);
        TempData["Flash"] = "mission.submitted";
        return Redirect("/reserve/missions/" + id);
    }

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) =>
        ModerateAsync(id, MissionStatus.Submitted, (m, c) => desk.PublishAsync(m, User, c), "mission.published", ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct) =>
        ModerateAsync(id, MissionStatus.Submitted, (m, c) => desk.ReturnAsync(m, Reason!, User, c), "mission.returned", ct, needsReason: true);

    public Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken ct) =>
        ModerateAsync(id, MissionStatus.Published, desk.CompleteAsync, "mission.completed", ct);

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        if (Mission.Status is MissionStatus.Completed or MissionStatus.Cancelled)
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }

        if (string.IsNullOrWhiteSpace(Reason) || Reason.Trim().Length > Mission.ReasonMaxLength)
        {
            Errors.Add("CancelReason", "mission.error.reason", Mission.ReasonMaxLength);
            return Page();
        }

        await desk.CancelAsync((await desk.FindAsync(id, ct))!, Reason, ct);
        TempData["Flash"] = "mission.cancelled";
        return Redirect("/reserve/missions/" + id);
    }

    private async Task<IActionResult> ModerateAsync(
        Guid id, MissionStatus expected, Func<Mission, CancellationToken, Task> action, string flash, CancellationToken ct, bool needsReason = false)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        if (!IsCoordinator)
        {
            return Forbid();
        }

        if (Mission.Status != expected)
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }

        if (needsReason && (string.IsNullOrWhiteSpace(Reason) || Reason.Trim().Length > Mission.ReasonMaxLength))
        {
            Errors.Add("Reason", "mission.error.reason", Mission.ReasonMaxLength);
            return Page();
        }

        await action((await desk.FindAsync(id, ct))!, ct);
        TempData["Flash"] = flash;
        return Redirect("/reserve/missions/" + id);
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var mission = await desk.FindAsync(id, ct);
        if (mission is null)
        {
            return NotFound();
        }

        if (!await desk.MayManageAsync(mission, User, ct))
        {
            return Forbid();
        }

        Mission = mission;
        View = new MissionView(
            mission,
            (await desk.OrganisationNamesAsync(ct)).GetValueOrDefault(mission.OrganisationId, ""),
            (await desk.NeighbourhoodNamesAsync(ct)).GetValueOrDefault(mission.NeighbourhoodId, ""),
            await desk.SkillLabelsAsync(ct));
        return null;
    }
}
