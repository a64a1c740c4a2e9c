using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.DataTrust.Domain;

namespace Reflexes.Web.Modules.DataTrust.Consents;

/// <summary>
/// A person's own choices: for each purpose resting on consent, where they stand, and one button to
/// give, refuse or withdraw — withdrawing is as easy as giving. Each choice issues a receipt.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MyDataModel(ConsentLedger ledger) : PageModel
{
    public IReadOnlyList<(ProcessingPurpose Purpose, ConsentState State)> Choices { get; private set; } = [];

    public IReadOnlyList<(ConsentRecord Record, ProcessingPurpose Purpose)> History { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var subject = await ledger.SubjectOfUserAsync(UserId, ct);
        var purposes = (await ledger.CurrentPurposesAsync(ct)).Where(p => p.RequiresConsent).ToList();
        var choices = new List<(ProcessingPurpose, ConsentState)>();
        foreach (var purpose in purposes)
        {
            choices.Add((purpose, (await ledger.StatesAsync(purpose, [subject.Id], ct))[subject.Id]));
        }

        Choices = choices;
        History = await ledger.HistoryAsync(subject.Id, ct);
    }

    public Task<IActionResult> OnPostGiveAsync(string purpose, CancellationToken ct) => ChooseAsync(purpose, ConsentChoice.Given, ct);

    public Task<IActionResult> OnPostRefuseAsync(string purpose, CancellationToken ct) => ChooseAsync(purpose, ConsentChoice.Refused, ct);

    public Task<IActionResult> OnPostWithdrawAsync(string purpose, CancellationToken ct) => ChooseAsync(purpose, ConsentChoice.Withdrawn, ct);

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task<IActionResult> ChooseAsync(string purposeCode, ConsentChoice choice, CancellationToken ct)
    {
        var purpose = await ledger.CurrentPurposeAsync(purposeCode ?? "", ct);
        if (purpose is null || !purpose.RequiresConsent)
        {
            return NotFound();
        }

        var subject = await ledger.SubjectOfUserAsync(UserId, ct);
        var record = await ledger.RecordAsync(subject, purpose.Code, choice, ConsentChannel.SelfService, UserId, null, ct);
        TempData["Flash"] = "consents.recorded." + choice.ToString().ToLowerInvariant();
        return Redirect("/my-data/receipts/" + record.Id);
    }
}
