using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Modules.Outreach.Referrals;

namespace Reflexes.Web.Modules.Outreach.Orientation;

/// <summary>Routing rules (need category × neighbourhood → service) and who works for each receiving service.</summary>
[Authorize(Policy = ReferralServices.OrientationPolicy)]
public sealed class RulesModel(OrientationDesk desk, ServiceMembership services) : PageModel
{
    public IReadOnlyList<RoutingRule> Rules { get; private set; } = [];

    public IReadOnlyList<ServiceMembership.Member> Members { get; private set; } = [];

    public IReadOnlyList<ServiceMembership.Service> ReceivingServices { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> ServiceNames { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyDictionary<Guid, string> Neighbourhoods { get; private set; } = new Dictionary<Guid, string>();

    [BindProperty]
    public NeedCategory? Category { get; set; }

    [BindProperty]
    public Guid? NeighbourhoodId { get; set; }

    [BindProperty]
    public Guid? ServiceId { get; set; }

    [BindProperty]
    public Guid? MemberServiceId { get; set; }

    [BindProperty]
    public string? MemberEmail { get; set; }

    public Platform.Forms.FormErrors RuleErrors { get; } = new();

    public Platform.Forms.FormErrors MemberErrors { get; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddRuleAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid && ModelState[nameof(Category)]?.Errors.Count > 0)
        {
            RuleErrors.Add(nameof(Category), "rules.error.category");
        }
        else
        {
            foreach (var (field, key) in await desk.AddRuleAsync(Category, NeighbourhoodId, ServiceId, UserId, ct))
            {
                RuleErrors.Add(field, key);
            }
        }

        if (RuleErrors.Any)
        {
            await LoadAsync(ct);
            return Page();
        }

        TempData["Flash"] = "rules.added";
        return Redirect("/outreach/orientation/rules");
    }

    public async Task<IActionResult> OnPostRemoveRuleAsync(Guid ruleId, CancellationToken ct)
    {
        await desk.RemoveRuleAsync(ruleId, ct);
        TempData["Flash"] = "rules.removed";
        return Redirect("/outreach/orientation/rules");
    }

    public async Task<IActionResult> OnPostAddMemberAsync(CancellationToken ct)
    {
        if (MemberServiceId is not { } service)
        {
            MemberErrors.Add(nameof(MemberServiceId), "members.error.service");
        }

        if (string.IsNullOrWhiteSpace(MemberEmail) || MemberEmail.Length > 256)
        {
            MemberErrors.Add(nameof(MemberEmail), "members.error.account");
        }

        if (!MemberErrors.Any && await services.AddAsync(MemberServiceId!.Value, MemberEmail!, UserId, ct) is { } problem)
        {
            MemberErrors.Add(problem == "members.error.service" ? nameof(MemberServiceId) : nameof(MemberEmail), problem);
        }

        if (MemberErrors.Any)
        {
            await LoadAsync(ct);
            return Page();
        }

        TempData["Flash"] = "members.added";
        return Redirect("/outreach/orientation/rules");
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(Guid memberId, CancellationToken ct)
    {
        await services.RemoveAsync(memberId, ct);
        TempData["Flash"] = "members.removed";
        return Redirect("/outreach/orientation/rules");
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task LoadAsync(CancellationToken ct)
    {
        ServiceNames = await services.NamesAsync(ct);
        Neighbourhoods = await desk.NeighbourhoodNamesAsync(ct);
        Rules = [.. (await desk.RulesAsync(ct)).OrderBy(r => r.Category is null).ThenBy(r => r.Category).ThenBy(r => r.NeighbourhoodId is null)];
        Members = await services.MembersAsync(ct);
        ReceivingServices = await services.ReceivingServicesAsync(ct);
    }
}
