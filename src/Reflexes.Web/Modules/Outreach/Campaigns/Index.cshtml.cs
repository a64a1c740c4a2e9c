using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Outreach.Domain;

namespace Reflexes.Web.Modules.Outreach.Campaigns;

/// <summary>The campaign lead's list of call campaigns.</summary>
[Authorize(Policy = CampaignsServices.LeadPolicy)]
public sealed class IndexModel(CampaignDesk desk) : PageModel
{
    public IReadOnlyList<Campaign> Campaigns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Campaigns = await desk.ListAsync(ct);
}
