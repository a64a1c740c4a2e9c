using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.Territory.Domain;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.Territory.Neighbourhoods;

[Authorize(Policy = Policies.Administrator)]
public sealed class EditModel(ReflexesDbContext db) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = "";

    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public string? OutlineGeoJson { get; set; }

    public bool IsNew { get; private set; } = true;

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is null)
        {
            return Page();
        }

        var n = await db.Neighbourhoods.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null)
        {
            return NotFound();
        }

        (IsNew, Code, Name, OutlineGeoJson) = (false, n.Code, n.Name, n.OutlineGeoJson);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        IsNew = id is null;
        var existing = id is null ? null : await db.Neighbourhoods.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (id is not null && existing is null)
        {
            return NotFound();
        }

        var code = Code.Trim().ToUpperInvariant();
        if (code.Length is 0 or > 40)
        {
            Errors.Add("Code", "neighbourhoods.error.code");
        }
        else if (await db.Neighbourhoods.AnyAsync(x => x.Code == code && x.Id != id, ct))
        {
            Errors.Add("Code", "neighbourhoods.error.code-taken");
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 200)
        {
            Errors.Add("Name", "territory.error.name");
        }

        if (!string.IsNullOrWhiteSpace(OutlineGeoJson) && GeoJsonOutline.Validate(OutlineGeoJson) is { } geoError)
        {
            Errors.Add("OutlineGeoJson", geoError);
        }

        if (Errors.Any)
        {
            return Page();
        }

        if (existing is null)
        {
            db.Neighbourhoods.Add(Neighbourhood.Create(code, Name, OutlineGeoJson));
        }
        else
        {
            existing.Update(code, Name, OutlineGeoJson);
        }

        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "form.saved";
        return Redirect("/territory/neighbourhoods");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid? id, CancellationToken ct)
    {
        var existing = await db.Neighbourhoods.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (existing is null)
        {
            return NotFound();
        }

        db.Neighbourhoods.Remove(existing);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "form.deleted";
        return Redirect("/territory/neighbourhoods");
    }
}
