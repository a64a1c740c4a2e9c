using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Outreach.Campaigns;

namespace Reflexes.Web.Modules.Outreach.Callers;

/// <summary>The supervisor's view of the calls in progress: who is calling whom, since when (the workflow, never the audio).</summary>
[Authorize(Policy = CampaignsServices.LeadPolicy)]
public sealed class LiveModel(CallerDesk desk, TimeProvider clock, Territory.TerritoryTime territoryTime) : PageModel
{
    /// <summary>When the figures were read, shown so that the supervisor sees the page is current.</summary>
    public string UpdatedAt { get; private set; } = "";

    public IReadOnlyList<CallerDesk.LiveCall> Calls { get; private set; } = [];

    public IReadOnlyList<CallerDesk.CallerRow> Callers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Calls = await desk.LiveAsync(User, ct);
        Callers = await desk.ListAsync(ct);
        UpdatedAt = territoryTime.ToLocal(clock.GetUtcNow().UtcDateTime).ToString("T", System.Globalization.CultureInfo.CurrentCulture);
    }
}
