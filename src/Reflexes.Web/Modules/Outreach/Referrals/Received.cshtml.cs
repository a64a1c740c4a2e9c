using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Outreach.Domain;

namespace Reflexes.Web.Modules.Outreach.Referrals;

/// <summary>A referral as its receiving service sees it: acknowledged, worked on, annotated, handed back, or closed with an outcome.</summary>
[Authorize(Policy = ReferralServices.InboxPolicy)]
public sealed class ReceivedModel(ServiceInbox inbox, ReferralRecords records, ServiceMembership services) : PageModel
{
    public Referral? Referral { get; private set; }

    /// <summary>The person, only when they agreed to share their details with the service.</summary>
    public ReferralRecords.Person? Person { get; private set; }

    public ServiceInbox.Contact? Orientator { get; private set; }

    public IReadOnlyList<ReferralRecords.HistoryLine> History { get; private set; } = [];

    public string? OwnerName { get; private set; }

    public IReadOnlyDictionary<Guid, string> ServiceNames { get; private set; } = new Dictionary<Guid, string>();

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public ReferralOutcome? Outcome { get; set; }

    public Platform.Forms.FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id, CancellationToken ct) =>
        Done(id, await inbox.AcknowledgeAsync(id, User, ct), "inbox.acknowledged");

    public async Task<IActionResult> OnPostProgressAsync(Guid id, CancellationToken ct)
    {
        if (!NoteFits(required: false))
        {
            return await ShowErrorsAsync(id, ct);
        }

        return Done(id, await inbox.StartWorkAsync(id, Note, User, ct), "inbox.in-progress");
    }

    public async Task<IActionResult> OnPostNoteAsync(Guid id, CancellationToken ct)
    {
        if (!NoteFits(required: true))
        {
            return await ShowErrorsAsync(id, ct);
        }

        return Done(id, await inbox.AddNoteAsync(id, Note!, User, ct), "inbox.noted");
    }

    public async Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct)
    {
        if (!NoteFits(required: true, field: "ReturnNote"))
        {
            return await ShowErrorsAsync(id, ct);
        }

        if (!await inbox.ReturnAsync(id, Note!, User, ct))
        {
            return NotFound();
        }

        TempData["Flash"] = "inbox.returned";
        return Redirect("/outreach/referrals/inbox");
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        if (Outcome is not { } outcome || !Enum.IsDefined(outcome))
        {
            Errors.Add(nameof(Outcome), "inbox.error.outcome");
        }

        if (!NoteFits(required: false) || Errors.Any)
        {
            return await ShowErrorsAsync(id, ct);
        }

        return Done(id, await inbox.CloseAsync(id, Outcome!.Value, Note, User, ct), "inbox.closed-flash");
    }

    private bool NoteFits(bool required, string field = nameof(Note))
    {
        if ((required && string.IsNullOrWhiteSpace(Note)) || Note?.Trim().Length > ReferralEvent.NoteMaxLength)
        {
            Errors.Add(field, "inbox.error.note");
            return false;
        }

        return true;
    }

    private async Task<IActionResult> ShowErrorsAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private IActionResult Done(Guid id, bool done, string flash)
    {
        if (!done)
        {
            return NotFound();
        }

        TempData["Flash"] = flash;
        return Redirect("/outreach/referrals/inbox/" + id);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var referral = await inbox.ReadAsync(id, "outreach.inbox-read", User, ct);
        if (referral is null)
        {
            return false;
        }

        Referral = referral;
        Person = referral.ConsentToShare ? await records.PersonOfAsync(referral, ct) : null;
        Orientator = await inbox.OrientatorAsync(referral, ct);
        History = await records.HistoryAsync(referral, ct);
        OwnerName = await records.DisplayNameAsync(referral.OwnerUserId, ct);
        ServiceNames = await services.NamesAsync(ct);
        return true;
    }
}
