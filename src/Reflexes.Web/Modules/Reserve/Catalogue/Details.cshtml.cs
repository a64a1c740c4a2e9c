using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Reserve.Missions;

namespace Reflexes.Web.Modules.Reserve.Catalogue;

/// <summary>A published mission as the public sees it.</summary>
[AllowAnonymous]
public sealed class DetailsModel(CatalogueDesk catalogue, MissionDesk missions) : PageModel
{
    public MissionView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var mission = await catalogue.PublishedAsync(id, ct);
        if (mission is null)
        {
            return NotFound();
        }

        View = new MissionView(
            mission,
            (await missions.OrganisationNamesAsync(ct)).GetValueOrDefault(mission.OrganisationId, ""),
            (await missions.NeighbourhoodNamesAsync(ct)).GetValueOrDefault(mission.NeighbourhoodId, ""),
            await missions.SkillLabelsAsync(ct));
        return Page();
    }
}
