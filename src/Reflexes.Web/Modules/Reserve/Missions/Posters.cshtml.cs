using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Reflexes.Web.Modules.Reserve.Missions;

/// <summary>The coordination unit links partner accounts to the association they post missions for.</summary>
[Authorize(Policy = ReserveModule.CoordinationPolicy)]
public sealed class PostersModel(PosterLinks links) : PageModel
{
    public IReadOnlyList<PosterLinks.Link> Links { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Organisations { get; private set; } = new Dictionary<Guid, string>();

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public Guid? OrganisationId { get; set; }

    public Platform.Forms.FormErrors Errors { get; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostLinkAsync(CancellationToken ct)
    {
        if (await links.LinkAsync(Email, OrganisationId, ct) is { } problem)
        {
            Errors.Add(problem.Field, problem.Key);
            await LoadAsync(ct);
            return Page();
        }

        TempData["Flash"] = "posters.linked";
        return Redirect("/reserve/posters");
    }

    public async Task<IActionResult> OnPostUnlinkAsync(string userId, CancellationToken ct)
    {
        await links.UnlinkAsync(userId, ct);
        TempData["Flash"] = "posters.unlinked";
        return Redirect("/reserve/posters");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Links = await links.ListAsync(ct);
        Organisations = await links.OrganisationsAsync(ct);
    }
}
