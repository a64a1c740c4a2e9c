using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.Reserve.Domain;

namespace Reflexes.Web.Modules.Reserve.Offers;

/// <summary>The person's own offers, where each stands, and a way to withdraw one.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MineModel(OfferDesk desk) : PageModel
{
    public IReadOnlyList<OfferOfHelp> Offers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Offers = await desk.MineAsync(User, ct);

    public async Task<IActionResult> OnPostWithdrawAsync(Guid offer, CancellationToken ct)
    {
        if (!await desk.WithdrawAsync(offer, User, ct))
        {
            return NotFound();
        }

        TempData["Flash"] = "offer.withdrawn";
        return Redirect("/reserve/offers/mine");
    }
}
