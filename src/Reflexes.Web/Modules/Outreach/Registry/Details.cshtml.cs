using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Domain;

namespace Reflexes.Web.Modules.Outreach.Registry;

/// <summary>One registration, read under the register's purpose (and recorded); withdrawn at the person's request.</summary>
[Authorize(Policy = OutreachModule.Policy)]
public sealed class DetailsModel(RegistryDesk desk) : PageModel
{
    public Registrant? Registrant { get; private set; }

    public AccessDecision? Refusal { get; private set; }

    [BindProperty]
    public ConsentChannel Channel { get; set; } = ConsentChannel.Phone;

    [BindProperty]
    public string? OnBehalfOf { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var (registrant, decision) = await desk.GetAsync(id, "outreach.registry-read", User, ct);
        if (decision is null)
        {
            return NotFound();
        }

        Registrant = registrant;
        Refusal = registrant is null ? decision : null;
        if (Refusal is not null)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct)
    {
        if (Channel == ConsentChannel.SelfService || !Enum.IsDefined(Channel))
        {
            return BadRequest();
        }

        if (!await desk.WithdrawAsync(id, Channel, OnBehalfOf, User, ct))
        {
            return NotFound();
        }

        TempData["Flash"] = "registry.withdrawn";
        return Redirect("/outreach/registry");
    }
}
