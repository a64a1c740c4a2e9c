using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.Reserve.Skills;

/// <summary>The coordination unit manages the hierarchical list of skills volunteers choose from and missions ask for.</summary>
[Authorize(Policy = ReserveModule.CoordinationPolicy)]
public sealed class IndexModel(SkillCatalogue catalogue) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? ParentId { get; set; }

    public IReadOnlyList<SkillCatalogue.Entry> Tree { get; private set; } = [];

    public FormErrors Errors { get; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Tree = await catalogue.TreeAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var error = ParseParent(out var parent) ?? await catalogue.AddAsync(Name, parent, ct);
        return await DoneAsync(error, "skills.added", ct);
    }

    public async Task<IActionResult> OnPostUpdateAsync(Guid id, CancellationToken ct)
    {
        var error = ParseParent(out var parent) ?? await catalogue.UpdateAsync(id, Name, parent, ct);
        return await DoneAsync(error, "skills.updated", ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct) =>
        await DoneAsync(await catalogue.RemoveAsync(id, ct), "skills.removed", ct);

    private (string Field, string Key)? ParseParent(out Guid? parent)
    {
        parent = null;
        if (string.IsNullOrWhiteSpace(ParentId))
        {
            return null;
        }

        if (Guid.TryParse(ParentId, out var id))
        {
            parent = id;
            return null;
        }

        return ("ParentId", "skills.error.parent");
    }

    private async Task<IActionResult> DoneAsync((string Field, string Key)? error, string flash, CancellationToken ct)
    {
        if (error is { } e)
        {
            Errors.Add(e.Field, e.Key);
            Tree = await catalogue.TreeAsync(ct);
            return Page();
        }

        TempData["Flash"] = flash;
        return Redirect("/reserve/skills");
    }
}
