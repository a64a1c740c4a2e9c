using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.Outreach.Registry;

/// <summary>An agent corrects a registration at the person's request (right to rectification).</summary>
[Authorize(Policy = OutreachModule.Policy)]
public sealed class CorrectModel(RegistryDesk desk, ReflexesDbContext db, TimeProvider clock) : PageModel, IPersonFields
{
    [BindProperty] public string FirstName { get; set; } = "";
    [BindProperty] public string LastName { get; set; } = "";
    [BindProperty] public DateOnly? BirthDate { get; set; }
    [BindProperty] public string Address { get; set; } = "";
    [BindProperty] public Guid? NeighbourhoodId { get; set; }
    [BindProperty] public string Phone { get; set; } = "";
    [BindProperty] public string? OtherPhone { get; set; }
    [BindProperty] public string? AlertContact { get; set; }
    [BindProperty] public EligibilityGround? Ground { get; set; }

    public IReadOnlyDictionary<Guid, string> Neighbourhoods { get; private set; } = new Dictionary<Guid, string>();

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var (r, _) = await desk.GetAsync(id, "outreach.registry-read", User, ct);
        if (r is null)
        {
            return NotFound();
        }

        (FirstName, LastName, BirthDate, Address, NeighbourhoodId, Phone, OtherPhone, AlertContact, Ground) =
            (r.FirstName, r.LastName, r.BirthDate, r.Address, r.NeighbourhoodId, r.Phone, r.OtherPhone, r.AlertContact, r.Ground);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(ct);
        var details = this.ReadDetails(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

        if (Errors.Any)
        {
            return Page();
        }

        if (!await desk.CorrectAsync(id, details, User, ct))
        {
            return NotFound();
        }

        TempData["Flash"] = "form.saved";
        return Redirect("/outreach/registry/" + id);
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Neighbourhoods = await db.Neighbourhoods.AsNoTracking().OrderBy(n => n.Name).ToDictionaryAsync(n => n.Id, n => n.Name, ct);
}
