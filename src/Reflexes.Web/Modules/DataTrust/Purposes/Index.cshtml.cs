using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.DataTrust.Consents;
using Reflexes.Web.Modules.DataTrust.Domain;

namespace Reflexes.Web.Modules.DataTrust.Purposes;

/// <summary>The public register of processing purposes: anyone may read what is done with whose data, and why.</summary>
[AllowAnonymous]
public sealed class IndexModel(ConsentLedger ledger) : PageModel
{
    public IReadOnlyList<ProcessingPurpose> Purposes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Purposes = await ledger.CurrentPurposesAsync(ct);
}
