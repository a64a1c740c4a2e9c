using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Reserve.Domain;

namespace Reflexes.Web.Modules.Reserve.Offers;

/// <summary>The coordination unit sees residents' offers and links each to a mission that can use it.</summary>
[Authorize(Policy = ReserveModule.CoordinationPolicy)]
public sealed class IndexModel(OfferDesk desk) : PageModel
{
    public IReadOnlyList<OfferOfHelp> Offers { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Title)> Missions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Offers = await desk.ForCoordinationAsync(User, ct);
        Missions = await desk.LinkableMissionsAsync(ct);
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid offer, Guid? mission, CancellationToken ct)
    {
        if (mission is null || !await desk.LinkAsync(offer, mission.Value, User, ct))
        {
            TempData["Flash"] = "offer.link-refused";
            return Redirect("/reserve/offers");
        }

        TempData["Flash"] = "offer.linked";
        return Redirect("/reserve/offers");
    }
}
