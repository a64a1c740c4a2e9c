using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.Outreach.Registry;

/// <summary>
/// "This is the same person as…": from a registration, the agent searches the register, compares the two
/// records field by field, chooses each differing value and merges them in one transaction (ADR 0534).
/// </summary>
[Authorize(Policy = RegistryServices.MergePolicy)]
public sealed class MergeModel(RegistryDesk desk) : PageModel
{
    public Registrant? Kept { get; private set; }

    public Registrant? Other { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    [BindProperty(SupportsGet = true)] public Guid? OtherId { get; set; }

    [BindProperty] public Dictionary<string, string> Choice { get; set; } = [];

    public IReadOnlyList<Registrant> Found { get; private set; } = [];

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Other is null && !string.IsNullOrWhiteSpace(Q))
        {
            Found = await desk.SearchOthersAsync(id, Q, User, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (OtherId is not { } otherId)
        {
            return NotFound();
        }

        var result = await desk.MergeRegistrationsAsync(id, otherId, Choice, User, ct);
        switch (result)
        {
            case RegistryDesk.RegisterMergeResult.Merged:
                TempData["Flash"] = "registry.merge.done";
                return Redirect("/outreach/registry/" + id);
            case RegistryDesk.RegisterMergeResult.NotFound:
                return NotFound();
            default:
                if (!await LoadAsync(id, ct))
                {
                    return NotFound();
                }

                Errors.Add("compare", result == RegistryDesk.RegisterMergeResult.InCall ? "registry.merge.error.in-call" : "registry.merge.error.invalid");
                return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var (kept, _) = await desk.GetAsync(id, "outreach.registry-merge-view", User, ct);
        if (kept is not { Status: RegistrantStatus.Active, WithdrawnAtUtc: null })
        {
            return false;
        }

        Kept = kept;
        if (OtherId is { } otherId && otherId != id)
        {
            var (other, _) = await desk.GetAsync(otherId, "outreach.registry-merge-view", User, ct);
            Other = other is { Status: RegistrantStatus.Active, WithdrawnAtUtc: null } ? other : null;
        }

        return true;
    }
}
