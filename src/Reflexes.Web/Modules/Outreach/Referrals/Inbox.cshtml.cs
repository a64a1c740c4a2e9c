using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Reflexes.Web.Modules.Outreach.Referrals;

/// <summary>The inbox of the receiving services the signed-in person works for.</summary>
[Authorize(Policy = ReferralServices.InboxPolicy)]
public sealed class InboxModel(ServiceInbox inbox, ServiceMembership services) : PageModel
{
    public IReadOnlyList<Guid> Services { get; private set; } = [];

    public ReferralRecords.Listing Listing { get; private set; } = new([], new Dictionary<Guid, string>(), 0);

    public IReadOnlyDictionary<Guid, string> ServiceNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        (Services, Listing) = await inbox.ListAsync(User, ct);
        ServiceNames = await services.NamesAsync(ct);
    }
}
