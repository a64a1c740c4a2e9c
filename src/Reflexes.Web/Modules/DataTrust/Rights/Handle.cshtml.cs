using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.DataTrust.Domain;
using Reflexes.Web.Modules.DataTrust.Portfolio;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.DataTrust.Rights;

/// <summary>The data-protection officer answers a request: extend the deadline, carry out an erasure, complete or refuse.</summary>
[Authorize(Policy = Policies.DataProtectionOfficer)]
public sealed class HandleModel(ReflexesDbContext db, PersonalPortfolio portfolio, RightsDesk desk, TimeProvider clock) : PageModel
{
    public RightsRequest Rights { get; private set; } = null!;

    public IReadOnlyList<PersonalPortfolio.Section> Held { get; private set; } = [];

    [BindProperty]
    public string Text { get; set; } = "";

    [BindProperty]
    public int Months { get; set; } = 1;

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostExtendAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, r =>
        {
            if (Months is < 1 or > RightsRequest.MaxExtensionMonths)
            {
                Errors.Add(nameof(Months), "rights.error.months");
                return;
            }

            r.Extend(Months, Text, Me);
        }, ct);

    public Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, r => r.Complete(Text, null, Me, clock.GetUtcNow().UtcDateTime), ct);

    public Task<IActionResult> OnPostRefuseAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, r => r.Refuse(Text, Me, clock.GetUtcNow().UtcDateTime), ct);

    public async Task<IActionResult> OnPostEraseAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Rights.Kind != RightKind.Erasure || Rights.Status != RightsRequestStatus.Open)
        {
            Errors.Add(nameof(Text), "rights.error.not-erasure");
            return Page();
        }

        await desk.EraseAsync(Rights, User, ct);
        TempData["Flash"] = "rights.erased";
        return Redirect("/data-trust/rights/" + id);
    }

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var request = await db.RightsRequests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return false;
        }

        Rights = request;
        var subject = await db.DataSubjects.AsNoTracking().FirstAsync(s => s.Id == request.SubjectId, ct);
        Held = request.Status == RightsRequestStatus.Open ? await portfolio.GatherAsync(new SubjectRef(subject.Id, subject.UserId), "rights.review", User, ct) : [];
        return true;
    }

    private async Task<IActionResult> ActAsync(Guid id, Action<RightsRequest> act, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Text) || Text.Trim().Length > 2000)
        {
            Errors.Add(nameof(Text), "rights.error.text");
            return Page();
        }

        try
        {
            act(Rights);
        }
        catch (InvalidOperationException)
        {
            Errors.Add(nameof(Text), "rights.error.closed");
        }

        if (Errors.Any)
        {
            return Page();
        }

        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "form.saved";
        return Redirect("/data-trust/rights/" + id);
    }
}
