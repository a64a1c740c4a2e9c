using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Domain;

namespace Reflexes.Web.Modules.Outreach.Referrals;

/// <summary>An agent files a referral from a person's page in the register, outside any call.</summary>
[Authorize(Policy = OutreachModule.Policy)]
public sealed class FileModel(ReferralDesk desk) : PageModel
{
    public string? PersonName { get; private set; }

    public AccessDecision? Refusal { get; private set; }

    [BindProperty]
    public NeedCategory? Category { get; set; }

    [BindProperty]
    public ReferralUrgency? Urgency { get; set; }

    [BindProperty]
    public string? Details { get; set; }

    [BindProperty]
    public bool? ConsentToShare { get; set; }

    public Platform.Forms.FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(Guid registrantId, CancellationToken ct) => await LoadAsync(registrantId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid registrantId, CancellationToken ct)
    {
        if (await LoadAsync(registrantId, ct) is { } refused)
        {
            return refused;
        }

        if (Category is null)
        {
            Errors.Add(nameof(Category), "referral.error.category");
        }

        if (Urgency is null)
        {
            Errors.Add(nameof(Urgency), "referral.error.urgency");
        }

        if (ConsentToShare is null)
        {
            Errors.Add(nameof(ConsentToShare), "referral.error.consent");
        }

        var filing = new ReferralFiling(registrantId, null, null, Category ?? NeedCategory.Other, Urgency ?? ReferralUrgency.Normal, Details ?? "", ConsentToShare ?? false);
        foreach (var (field, key) in filing.Validate().Where(p => !Errors.Has(p.Field)))
        {
            Errors.Add(field, key);
        }

        if (Errors.Any)
        {
            return Page();
        }

        if (await desk.FileAsync(filing, User, ct) is null)
        {
            return NotFound();
        }

        TempData["Flash"] = "referral.filed";
        return Redirect("/outreach/registry/" + registrantId);
    }

    private async Task<IActionResult?> LoadAsync(Guid registrantId, CancellationToken ct)
    {
        var (name, decision) = await desk.PersonAsync(registrantId, User, ct);
        if (decision is null)
        {
            return NotFound();
        }

        PersonName = name;
        if (name is null)
        {
            Refusal = decision;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        return null;
    }
}
