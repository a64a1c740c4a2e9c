using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.DataTrust.Domain;

namespace Reflexes.Web.Modules.DataTrust.Receipts;

/// <summary>The readable consent receipt, with a link to its JSON document.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ShowModel(ReceiptAccess access) : PageModel
{
    public ConsentRecord Record { get; private set; } = null!;

    public ProcessingPurpose Purpose { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await access.ReadAsync(id, User, ct) is not { } found)
        {
            return NotFound();
        }

        (Record, Purpose) = found;
        return Page();
    }
}
