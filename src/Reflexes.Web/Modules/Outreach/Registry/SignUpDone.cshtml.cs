using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.DataTrust.Contracts;

namespace Reflexes.Web.Modules.Outreach.Registry;

/// <summary>
/// The confirmation after the public form: for a person registering themself, the receipt of each
/// consent (reference, purpose, date, channel), to print or note; for a third party, what happens next.
/// It shows only what the form's sender just sent, carried once in the response's temporary data.
/// </summary>
[AllowAnonymous]
public sealed class SignUpDoneModel(ConsentRecording consents, TimeProvider clock) : PageModel
{
    public string Kind { get; private set; } = "";

    public IReadOnlyList<(string Title, Guid Receipt)> Receipts { get; private set; } = [];

    public DateTimeOffset At { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Kind = TempData[SignUpModel.DoneKind] as string ?? "";
        At = clock.GetUtcNow();
        if (TempData[SignUpModel.DoneReceipts] is not string receipts)
        {
            return;
        }

        var titles = (await consents.ConsentPurposesAsync(ct)).ToDictionary(p => p.Code, p => p.Title, StringComparer.Ordinal);
        Receipts = [.. receipts.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(r => r.Split(':', 2))
            .Where(p => p.Length == 2 && Guid.TryParse(p[1], CultureInfo.InvariantCulture, out _))
            .Select(p => (titles.GetValueOrDefault(p[0], p[0]), Guid.Parse(p[1], CultureInfo.InvariantCulture)))];
    }
}
