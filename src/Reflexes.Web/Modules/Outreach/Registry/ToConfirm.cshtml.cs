using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Reflexes.Web.Modules.Outreach.Registry;

/// <summary>Registrations asked for online by a third party, to confirm with each person by phone (ADR 0530).</summary>
[Authorize(Policy = OutreachModule.Policy)]
public sealed class ToConfirmModel(RegistryDesk desk) : PageModel
{
    public RegistryDesk.Listing Listing { get; private set; } = new([], 0);

    public async Task OnGetAsync(CancellationToken ct) => Listing = await desk.ToConfirmAsync(User, ct);
}
