using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Outreach.Domain;

namespace Reflexes.Web.Modules.Outreach.Campaigns;

/// <summary>The lead's dashboard of a campaign (counts only) and the export of its calls.</summary>
[Authorize(Policy = CampaignsServices.LeadPolicy)]
public sealed class DashboardModel(CampaignDesk desk) : PageModel
{
    public Campaign Campaign { get; private set; } = null!;

    public CampaignDesk.Dashboard Figures { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await desk.SummaryAsync(id, ct) is not { } summary)
        {
            return NotFound();
        }

        Campaign = summary.Campaign;
        Figures = await desk.DashboardAsync(id, ct);
        return Page();
    }

    /// <summary>The calls as CSV; with names and answers only when asked for and allowed (see <see cref="CampaignDesk.ExportAsync"/>).</summary>
    public async Task<IActionResult> OnGetCsvAsync(Guid id, bool personal, CancellationToken ct)
    {
        if (await desk.SummaryAsync(id, ct) is null)
        {
            return NotFound();
        }

        var csv = await desk.ExportAsync(id, personal, User, ct);
        return File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", personal ? "appels-nominatifs.csv" : "appels.csv");
    }
}
