using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.DataTrust.Consents;
using Reflexes.Web.Modules.DataTrust.Domain;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.DataTrust.ExceptionalUses;

/// <summary>An agent asks the data board for a use of personal data that the register does not cover.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RequestModel(ReflexesDbContext db, ConsentLedger ledger, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string Title { get; set; } = "";

    [BindProperty]
    public string Justification { get; set; } = "";

    [BindProperty]
    public string SourcePurposeCode { get; set; } = "";

    [BindProperty]
    public string DataCategories { get; set; } = "";

    [BindProperty]
    public string Scope { get; set; } = "";

    [BindProperty]
    public int? PeopleConcerned { get; set; }

    [BindProperty]
    public DateOnly? StartsOn { get; set; }

    [BindProperty]
    public DateOnly? EndsOn { get; set; }

    public IReadOnlyList<ProcessingPurpose> Purposes { get; private set; } = [];

    public FormErrors Errors { get; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Purposes = await ledger.CurrentPurposesAsync(ct);
        StartsOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Purposes = await ledger.CurrentPurposesAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var request = new ExceptionalUseRequest(Title ?? "", Justification ?? "", SourcePurposeCode ?? "", DataCategories ?? "", Scope ?? "",
            PeopleConcerned ?? 0, StartsOn ?? DateOnly.MinValue, EndsOn ?? DateOnly.MinValue);
        foreach (var (field, key) in request.Validate(DateOnly.FromDateTime(now)))
        {
            Errors.Add(field, key);
        }

        if (!Errors.Has(nameof(SourcePurposeCode)) && Purposes.All(p => p.Code != SourcePurposeCode))
        {
            Errors.Add(nameof(SourcePurposeCode), "exceptional.error.source");
        }

        if (Errors.Any)
        {
            return Page();
        }

        // References are numbered in order; two instances numbering at once collide on the unique
        // index, and the later one takes the next number.
        ExceptionalUse use;
        for (var attempt = 1; ; attempt++)
        {
            var sequence = await db.ExceptionalUses.CountAsync(ct) + 1;
            use = ExceptionalUse.Request(request, sequence, User.FindFirstValue(ClaimTypes.NameIdentifier)!, now);
            db.ExceptionalUses.Add(use);
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                db.Entry(use).State = EntityState.Detached;
            }
        }
        TempData["Flash"] = "exceptional.requested";
        return Redirect("/data-trust/exceptional-uses/" + use.Id);
    }
}
