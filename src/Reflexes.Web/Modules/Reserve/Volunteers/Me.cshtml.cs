using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.Reserve.Agents;
using Reflexes.Web.Modules.Reserve.Skills;
using Reflexes.Web.Modules.Territory.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Reserve.Volunteers;

/// <summary>
/// A signed-in person's own membership of the civic reserve: sign up (agents of the staff directory join
/// as agents), see and edit the profile, or leave — which withdraws their consent to matching.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MeModel(VolunteerDesk desk, StaffDirectoryLink directory, ReflexesDbContext db, SkillCatalogue catalogue)
    : VolunteerFormPage(db, catalogue)
{
    [BindProperty] public bool Consent { get; set; }

    public VolunteerDesk.Details? Member { get; private set; }

    public Agent? DirectoryEntry { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Member is not null)
        {
            Fill(Member);
        }
        else if (DirectoryEntry is not null)
        {
            FirstName = DirectoryEntry.FirstName;
            LastName = DirectoryEntry.LastName;
            Email = DirectoryEntry.Email;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var (profile, place) = await ReadProfileAsync(desk, ct);
        if (Member is null && !Consent)
        {
            Errors.Add(nameof(Consent), "volunteer.error.consent");
        }

        if (profile is null || Errors.Any)
        {
            return Page();
        }

        if (Member is null)
        {
            await desk.JoinAsync(User, DirectoryEntry?.Id, profile, place, ct);
            TempData["Flash"] = "volunteer.joined";
        }
        else
        {
            await desk.UpdateAsync(Member.Volunteer.Id, profile, place, User, ct);
            TempData["Flash"] = "volunteer.saved";
        }

        return Redirect("/reserve/me");
    }

    public async Task<IActionResult> OnPostLeaveAsync(CancellationToken ct)
    {
        if (await desk.LeaveAsync(User, ct))
        {
            TempData["Flash"] = "volunteer.left";
        }

        return Redirect("/reserve/me");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await LoadListsAsync(ct);
        Member = await desk.MineAsync(User, ct);
        DirectoryEntry = await directory.EntryOfAsync(User, ct);
    }
}
