using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.Outreach.Registry;

/// <summary>
/// A signed-in resident's own registration: they see it, correct it and withdraw it themself, in one
/// step — withdrawing is as easy as registering, and issues a receipt.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MyRegistrationModel(RegistryDesk desk, ReflexesDbContext db, TimeProvider clock) : PageModel, IPersonFields
{
    public const string WithdrawalReceipt = "registry.mine.receipt";

    [BindProperty] public string FirstName { get; set; } = "";
    [BindProperty] public string LastName { get; set; } = "";
    [BindProperty] public DateOnly? BirthDate { get; set; }
    [BindProperty] public string Address { get; set; } = "";
    [BindProperty] public Guid? NeighbourhoodId { get; set; }
    [BindProperty] public string Phone { get; set; } = "";
    [BindProperty] public string? OtherPhone { get; set; }
    [BindProperty] public string? AlertContact { get; set; }
    [BindProperty] public EligibilityGround? Ground { get; set; }

    public Registrant? Registration { get; private set; }

    public IReadOnlyDictionary<Guid, string> Neighbourhoods { get; private set; } = new Dictionary<Guid, string>();

    public FormErrors Errors { get; } = new();

    public string? Receipt { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        // TempData gives back a string that looks like a GUID as a Guid.
        Receipt = TempData[WithdrawalReceipt]?.ToString();
        if (Registration is { } r)
        {
            (FirstName, LastName, BirthDate, Address, NeighbourhoodId, Phone, OtherPhone, AlertContact, Ground) =
                (r.FirstName, r.LastName, r.BirthDate, r.Address, r.NeighbourhoodId, r.Phone, r.OtherPhone, r.AlertContact, r.Ground);
        }
    }

    public async Task<IActionResult> OnPostCorrectAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Registration is not { WithdrawnAtUtc: null })
        {
            return NotFound();
        }

        var details = this.ReadDetails(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

        if (Errors.Any)
        {
            return Page();
        }

        await desk.CorrectOwnAsync(details, User, ct);
        TempData["Flash"] = "form.saved";
        return Redirect("/my-registration");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        if (await desk.WithdrawOwnAsync(User, ct) is not { } receipt)
        {
            return NotFound();
        }

        TempData["Flash"] = "registry.mine.withdrawn";
        TempData[WithdrawalReceipt] = receipt.ToString("D");
        return Redirect("/my-registration");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Neighbourhoods = await db.Neighbourhoods.AsNoTracking().OrderBy(n => n.Name).ToDictionaryAsync(n => n.Id, n => n.Name, ct);
        Registration = await desk.OwnAsync(User, ct);
    }
}
