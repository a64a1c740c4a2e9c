using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.DataTrust.Consents;
using Reflexes.Web.Modules.DataTrust.Domain;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.DataTrust.Purposes;

/// <summary>The data-protection officer registers a purpose, or its next version: a version is never edited.</summary>
[Authorize(Policy = Policies.DataProtectionOfficer)]
public sealed class EditModel(ReflexesDbContext db, ConsentLedger ledger, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = "";

    [BindProperty]
    public string Title { get; set; } = "";

    [BindProperty]
    public string Description { get; set; } = "";

    [BindProperty]
    public LegalBasis LegalBasis { get; set; } = LegalBasis.Consent;

    [BindProperty]
    public string DataCategories { get; set; } = "";

    [BindProperty]
    public int? RetentionMonths { get; set; }

    [BindProperty]
    public string Controller { get; set; } = "";

    [BindProperty]
    public int? ConsentValidityMonths { get; set; }

    [BindProperty]
    public bool SpecialCategories { get; set; }

    public ProcessingPurpose? Existing { get; private set; }

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        if (code is null)
        {
            return Page();
        }

        Existing = await ledger.CurrentPurposeAsync(code, ct);
        if (Existing is null)
        {
            return NotFound();
        }

        (Code, Title, Description, LegalBasis, DataCategories, RetentionMonths, Controller, ConsentValidityMonths, SpecialCategories) =
            (Existing.Code, Existing.Title, Existing.Description, Existing.LegalBasis, Existing.DataCategories, Existing.RetentionMonths,
             Existing.Controller, Existing.ConsentValidityMonths, Existing.SpecialCategories);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken ct)
    {
        if (code is not null)
        {
            Existing = await ledger.CurrentPurposeAsync(code, ct);
            if (Existing is null)
            {
                return NotFound();
            }

            Code = Existing.Code;
        }

        Code = (Code ?? "").Trim().ToLowerInvariant();
        var terms = new PurposeTerms(Code, Title ?? "", Description ?? "", LegalBasis, DataCategories ?? "", RetentionMonths ?? 0,
            Controller ?? "", ConsentValidityMonths, SpecialCategories);
        foreach (var (field, key) in terms.Validate())
        {
            Errors.Add(field, key);
        }

        if (Existing is null && !Errors.Has(nameof(Code)) && await ledger.CurrentPurposeAsync(Code, ct) is not null)
        {
            Errors.Add(nameof(Code), "purposes.error.code-taken");
        }

        if (Errors.Any)
        {
            return Page();
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var now = clock.GetUtcNow().UtcDateTime;
        var version = Existing is null ? ProcessingPurpose.Create(terms, userId, now) : Existing.Revise(terms, userId, now);
        db.ProcessingPurposes.Add(version);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "form.saved";
        return Redirect("/data-trust/purposes/" + version.Code);
    }
}
