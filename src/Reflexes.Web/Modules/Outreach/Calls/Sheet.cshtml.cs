using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.Outreach.Calls;

/// <summary>
/// The call in progress, on a phone: who to call (name and phones only), the script, what previous calls
/// recorded; the caller records the answers and the outcome, and files a referral when they detect a difficulty.
/// </summary>
[Authorize(Policy = Access.Policies.SignedIn)]
public sealed class SheetModel(CallDesk desk, Territory.TerritoryTime territoryTime) : PageModel
{
    [BindProperty] public CallOutcome? Outcome { get; set; }
    [BindProperty] public Dictionary<int, string?> Answers { get; set; } = [];
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public string? CallBackAt { get; set; }

    /// <summary>The call back just scheduled, in the territory's local time, for the workspace to confirm.</summary>
    public const string CallBackShown = "call.call-back-shown";

    [BindProperty] public NeedCategory? Category { get; set; }
    [BindProperty] public ReferralUrgency Urgency { get; set; } = ReferralUrgency.Normal;
    [BindProperty] public string? Details { get; set; }
    [BindProperty] public bool ConsentToShare { get; set; }

    public CallDesk.CallSheet Sheet { get; private set; } = null!;

    public FormErrors Errors { get; } = new();

    public FormErrors ReferralErrors { get; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await ShowAsync(id, ct);

    public async Task<IActionResult> OnPostRecordAsync(Guid id, CancellationToken ct)
    {
        DateTime? callBack = null;
        if (Outcome == CallOutcome.CallBack)
        {
            callBack = DateTime.TryParseExact(CallBackAt, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                ? territoryTime.ToUtc(local) : null;
        }

        if (Outcome is null)
        {
            Errors.Add(nameof(Outcome), "call.error.outcome");
            return await ShowAsync(id, ct);
        }

        var result = await desk.RecordAsync(id, new CallDesk.Recording(Outcome.Value, [.. Enumerable.Range(0, CampaignScript.MaxQuestions).Select(Answers.GetValueOrDefault)], Notes, callBack), User, ct);
        switch (result.Kind)
        {
            case CallDesk.RecordKind.Invalid:
                foreach (var (field, key) in result.Errors)
                {
                    Errors.Add(field, key);
                }

                return await ShowAsync(id, ct);
            case CallDesk.RecordKind.NotYours:
                return NotFound();
            default:
                TempData["Flash"] = result.Kind == CallDesk.RecordKind.RecordedLate ? "call.recorded-late" : "call.recorded";
                if (callBack is { } at)
                {
                    // Shown back as the caller typed it: the territory's local time.
                    TempData[CallBackShown] = territoryTime.ToLocal(at).ToString("f", CultureInfo.CurrentCulture);
                }

                return Redirect("/outreach/calls");
        }
    }

    public async Task<IActionResult> OnPostReferralAsync(Guid id, CancellationToken ct)
    {
        if (Category is not { } category || !Enum.IsDefined(category))
        {
            ReferralErrors.Add(nameof(Category), "call.error.category");
        }

        if (!Enum.IsDefined(Urgency))
        {
            ReferralErrors.Add(nameof(Urgency), "call.error.urgency");
        }

        if (string.IsNullOrWhiteSpace(Details) || Details.Length > ReferralFiling.DetailsMaxLength)
        {
            ReferralErrors.Add(nameof(Details), "call.error.details");
        }

        if (ReferralErrors.Any)
        {
            return await ShowAsync(id, ct);
        }

        var referral = await desk.FileReferralAsync(id, Category!.Value, Urgency, Details!, ConsentToShare, User, ct);
        if (referral is null)
        {
            return NotFound();
        }

        TempData["Flash"] = "call.referral-filed";
        return Redirect("/outreach/calls/" + id);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        if (await desk.CallerOfAsync(User, ct) is null)
        {
            return Forbid();
        }

        if (await desk.SheetAsync(id, User, ct) is not { } sheet)
        {
            return NotFound();
        }

        Sheet = sheet;
        return Page();
    }
}
