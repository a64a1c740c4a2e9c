using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Outreach.Campaigns;

/// <summary>A campaign: its settings, its queue in figures, and the moves between its states.</summary>
[Authorize(Policy = CampaignsServices.LeadPolicy)]
public sealed class DetailsModel(CampaignDesk desk, ReflexesDbContext db) : PageModel
{
    public CampaignDesk.Summary Summary { get; private set; } = null!;

    /// <summary>For a draft: how many people of the register the filters match now (before the purpose's filter).</summary>
    public int? Matching { get; private set; }

    public string? NeighbourhoodName { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await desk.SummaryAsync(id, ct) is not { } summary)
        {
            return NotFound();
        }

        Summary = summary;
        if (summary.Campaign.Status == CampaignStatus.Draft)
        {
            Matching = await desk.PreviewAsync(summary.Campaign.Targeting, ct);
        }

        if (summary.Campaign.NeighbourhoodId is { } n)
        {
            NeighbourhoodName = await db.Neighbourhoods.Where(x => x.Id == n).Select(x => x.Name).FirstOrDefaultAsync(ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, CampaignStatus to, CancellationToken ct)
    {
        if (!await desk.MoveAsync(id, to, User, ct))
        {
            return BadRequest();
        }

        TempData["Flash"] = "campaign.moved." + to;
        return Redirect("/outreach/campaigns/" + id);
    }
}
