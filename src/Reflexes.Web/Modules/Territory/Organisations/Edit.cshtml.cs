using System.Net.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.Territory.Domain;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.Territory.Organisations;

[Authorize(Policy = Policies.Administrator)]
public sealed class EditModel(ReflexesDbContext db) : PageModel
{
    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public OrganisationKind Kind { get; set; } = OrganisationKind.Association;

    [BindProperty]
    public Guid? ParentId { get; set; }

    [BindProperty]
    public string? Siret { get; set; }

    [BindProperty]
    public string? Rna { get; set; }

    [BindProperty]
    public string? ContactEmail { get; set; }

    public bool IsNew { get; private set; } = true;

    public IReadOnlyList<Organisation> Candidates { get; private set; } = [];

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        await LoadCandidatesAsync(id, ct);
        if (id is null)
        {
            return Page();
        }

        var o = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is null)
        {
            return NotFound();
        }

        (IsNew, Name, Kind, ParentId, Siret, Rna, ContactEmail) = (false, o.Name, o.Kind, o.ParentId, o.Siret, o.Rna, o.ContactEmail);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        IsNew = id is null;
        await LoadCandidatesAsync(id, ct);
        var existing = id is null ? null : await db.Organisations.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (id is not null && existing is null)
        {
            return NotFound();
        }

        var name = Name.Trim();
        if (name.Length is 0 or > 300)
        {
            Errors.Add("Name", "territory.error.name");
        }
        else if (await db.Organisations.AnyAsync(o => o.Name == name && o.Id != id, ct))
        {
            Errors.Add("Name", "organisations.error.name-taken");
        }

        if (!Enum.IsDefined(Kind))
        {
            Errors.Add("Kind", "validation.invalid");
        }

        if (Kind == OrganisationKind.Service && ParentId is null)
        {
            Errors.Add("ParentId", "import.error.service-needs-parent");
        }

        if (ParentId is { } parent && (!Candidates.Any(c => c.Id == parent) || await CreatesCycleAsync(id, parent, ct)))
        {
            Errors.Add("ParentId", "import.error.cycle");
        }

        if (FrenchIdentifiers.NormaliseSiret(Siret) is { } siret && !FrenchIdentifiers.IsValidSiret(siret))
        {
            Errors.Add("Siret", "import.error.bad-siret", Siret!);
        }

        if (FrenchIdentifiers.NormaliseRna(Rna) is { } rna && !FrenchIdentifiers.IsValidRna(rna))
        {
            Errors.Add("Rna", "import.error.bad-rna", Rna!);
        }

        if (!string.IsNullOrWhiteSpace(ContactEmail) && !MailAddress.TryCreate(ContactEmail.Trim(), out _))
        {
            Errors.Add("ContactEmail", "import.error.bad-email", ContactEmail);
        }

        if (Errors.Any)
        {
            return Page();
        }

        if (existing is null)
        {
            db.Organisations.Add(Organisation.Create(Kind, name, ParentId, Siret, Rna, ContactEmail));
        }
        else
        {
            existing.Update(Kind, name, ParentId, Siret, Rna, ContactEmail);
        }

        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "form.saved";
        return Redirect("/territory/organisations");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid? id, CancellationToken ct)
    {
        var existing = await db.Organisations.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (existing is null)
        {
            return NotFound();
        }

        if (await db.Organisations.AnyAsync(o => o.ParentId == id, ct) || await db.Agents.AnyAsync(a => a.ServiceId == id, ct))
        {
            await LoadCandidatesAsync(id, ct);
            (IsNew, Name, Kind, ParentId, Siret, Rna, ContactEmail) =
                (false, existing.Name, existing.Kind, existing.ParentId, existing.Siret, existing.Rna, existing.ContactEmail);
            Errors.Add("Name", "organisations.error.in-use");
            return Page();
        }

        db.Organisations.Remove(existing);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "form.deleted";
        return Redirect("/territory/organisations");
    }

    private async Task LoadCandidatesAsync(Guid? id, CancellationToken ct) =>
        Candidates = await db.Organisations.AsNoTracking()
            .Where(o => o.Id != id && (o.Kind == OrganisationKind.LocalGovernment || o.Kind == OrganisationKind.Service || o.Kind == OrganisationKind.PublicBody))
            .OrderBy(o => o.Name).ToListAsync(ct);

    private async Task<bool> CreatesCycleAsync(Guid? id, Guid parent, CancellationToken ct)
    {
        if (id is null)
        {
            return false;
        }

        var parents = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.ParentId, ct);
        var seen = new HashSet<Guid>();
        for (Guid? current = parent; current is { } c; current = parents.GetValueOrDefault(c))
        {
            if (c == id || !seen.Add(c))
            {
                return true;
            }
        }

        return false;
    }
}
