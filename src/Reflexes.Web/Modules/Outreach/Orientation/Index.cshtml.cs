using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Modules.Outreach.Referrals;

namespace Reflexes.Web.Modules.Outreach.Orientation;

/// <summary>The orientation queue: referrals waiting for a receiving service, and late ones escalated by the job.</summary>
[Authorize(Policy = ReferralServices.OrientatorPolicy)]
public sealed class IndexModel(OrientationDesk desk, ServiceMembership services) : PageModel
{
    public ReferralRecords.Listing Queue { get; private set; } = new([], new Dictionary<Guid, string>(), 0);

    public ReferralRecords.Listing Escalated { get; private set; } = new([], new Dictionary<Guid, string>(), 0);

    public IReadOnlyList<RoutingRule> Rules { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> ServiceNames { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyDictionary<Guid, string> Neighbourhoods { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Queue = await desk.QueueAsync(User, ct);
        Escalated = await desk.EscalatedAsync(User, ct);
        Rules = await desk.RulesAsync(ct);
        ServiceNames = await services.NamesAsync(ct);
        Neighbourhoods = await desk.NeighbourhoodNamesAsync(ct);
    }

    public string Proposed(Referral referral) =>
        OrientationDesk.Propose(Rules, referral) is { } id ? ServiceNames.GetValueOrDefault(id, "—") : "—";
}
