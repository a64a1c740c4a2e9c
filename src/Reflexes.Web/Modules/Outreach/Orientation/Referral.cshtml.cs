using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Modules.Outreach.Referrals;

namespace Reflexes.Web.Modules.Outreach.Orientation;

/// <summary>A referral as the orientator sees it: the person, the need, the proposed service, and its history; routed from here.</summary>
[Authorize(Policy = ReferralServices.OrientatorPolicy)]
public sealed class ReferralModel(ReferralRecords records, OrientationDesk desk, ServiceMembership services) : PageModel
{
    public Referral? Referral { get; private set; }

    public AccessDecision? Refusal { get; private set; }

    public ReferralRecords.Person? Person { get; private set; }

    public IReadOnlyList<ReferralRecords.HistoryLine> History { get; private set; } = [];

    public string? OwnerName { get; private set; }

    public IReadOnlyList<ServiceMembership.Service> ReceivingServices { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> ServiceNames { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyDictionary<Guid, string> Neighbourhoods { get; private set; } = new Dictionary<Guid, string>();

    public Guid? ProposedServiceId { get; private set; }

    [BindProperty]
    public Guid? ServiceId { get; set; }

    public Platform.Forms.FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, "outreach.orientation-read", ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (ServiceId is not { } service)
        {
            Errors.Add(nameof(ServiceId), "orientation.error.service");
        }
        else if (await desk.RouteAsync(id, service, User, ct) is { } problem)
        {
            if (problem == "orientation.error.not-found")
            {
                return NotFound();
            }

            Errors.Add(nameof(ServiceId), problem);
        }

        if (Errors.Any)
        {
            var chosen = ServiceId;
            var refused = await LoadAsync(id, "outreach.orientation-read", ct);
            ServiceId = chosen;
            return refused ?? Page();
        }

        TempData["Flash"] = "orientation.routed";
        return Redirect("/outreach/orientation");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, string action, CancellationToken ct)
    {
        var (referral, decision) = await records.ReadAsync(id, action, User, ct);
        if (decision is null)
        {
            return NotFound();
        }

        if (referral is null)
        {
            Refusal = decision;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        Referral = referral;
        Person = await records.PersonOfAsync(referral, ct);
        History = await records.HistoryAsync(referral, ct);
        OwnerName = await records.DisplayNameAsync(referral.OwnerUserId, ct);
        ReceivingServices = await services.ReceivingServicesAsync(ct);
        ServiceNames = await services.NamesAsync(ct);
        Neighbourhoods = await desk.NeighbourhoodNamesAsync(ct);
        ProposedServiceId = OrientationDesk.Propose(await desk.RulesAsync(ct), referral);
        ServiceId = referral.ServiceId ?? ProposedServiceId;
        return null;
    }
}
