using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Reserve.Skills;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Reserve.Volunteers;

/// <summary>A coordinator corrects a volunteer's profile at their request, or records that they leave the reserve.</summary>
[Authorize(Policy = ReserveModule.CoordinationPolicy)]
public sealed class EditModel(VolunteerDesk desk, ReflexesDbContext db, SkillCatalogue catalogue) : VolunteerFormPage(db, catalogue)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public ConsentChannel Channel { get; set; } = ConsentChannel.Phone;

    public VolunteerDesk.Details? Member { get; private set; }

    public AccessDecision? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync("reserve.volunteer-read", ct))
        {
            return Member is null && Refusal is null ? NotFound() : Page();
        }

        Fill(Member!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync("reserve.volunteer-read", ct))
        {
            return Member is null && Refusal is null ? NotFound() : Page();
        }

        var (profile, place) = await ReadProfileAsync(desk, ct);
        if (profile is null)
        {
            return Page();
        }

        await desk.UpdateAsync(Id, profile, place, User, ct);
        TempData["Flash"] = "volunteer.saved";
        return Redirect("/reserve/volunteers/" + Id);
    }

    public async Task<IActionResult> OnPostLeaveAsync(CancellationToken ct)
    {
        if (Channel == ConsentChannel.SelfService || !Enum.IsDefined(Channel))
        {
            return BadRequest();
        }

        if (!await desk.LeaveOnBehalfAsync(Id, Channel, null, User, ct))
        {
            return NotFound();
        }

        TempData["Flash"] = "volunteer.left-on-behalf";
        return Redirect("/reserve/volunteers");
    }

    private async Task<bool> LoadAsync(string action, CancellationToken ct)
    {
        await LoadListsAsync(ct);
        var (details, decision) = await desk.GetAsync(Id, action, User, ct);
        Member = details is { Volunteer.Active: true } ? details : null;
        Refusal = details is null && decision is not null ? decision : null;
        return Member is not null;
    }
}
