using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.DataTrust.Consents;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.DataTrust.Domain;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.DataTrust.Rights;

/// <summary>A person asks to correct, erase, restrict or object, and follows the answer and its deadline.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MyRequestsModel(ReflexesDbContext db, ConsentLedger ledger, TimeProvider clock) : PageModel
{
    [BindProperty]
    public RightKind? Kind { get; set; }

    [BindProperty]
    public string Details { get; set; } = "";

    public IReadOnlyList<RightsRequest> Requests { get; private set; } = [];

    public FormErrors Errors { get; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Kind is null || !Enum.IsDefined(Kind.Value))
        {
            Errors.Add(nameof(Kind), "rights.error.kind");
        }

        var details = (Details ?? "").Trim();
        if (details.Length > RightsRequest.MaxDetailsLength || (Kind is RightKind.Rectification or RightKind.Objection && details.Length == 0))
        {
            Errors.Add(nameof(Details), "rights.error.details");
        }

        if (Errors.Any)
        {
            await LoadAsync(ct);
            return Page();
        }

        var subject = await ledger.SubjectOfUserAsync(UserId, ct);
        db.RightsRequests.Add(RightsRequest.File(subject.Id, Kind!.Value, details, ConsentChannel.SelfService, UserId, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "rights.filed";
        return Redirect("/my-data/requests");
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task LoadAsync(CancellationToken ct)
    {
        var subject = await ledger.SubjectOfUserAsync(UserId, ct);
        Requests = await db.RightsRequests.AsNoTracking().Where(r => r.SubjectId == subject.Id).OrderByDescending(r => r.ReceivedAtUtc).ToListAsync(ct);
    }
}
