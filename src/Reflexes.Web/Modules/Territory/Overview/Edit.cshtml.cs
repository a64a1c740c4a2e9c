using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.Territory.Domain;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.Territory.Overview;

[Authorize(Policy = Policies.Administrator)]
public sealed class EditModel(ReflexesDbContext db) : PageModel
{
    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public string? OfficialCode { get; set; }

    [BindProperty]
    public string? Population { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    public FormErrors Errors { get; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var profile = await db.TerritoryProfiles.AsNoTracking().FirstOrDefaultAsync(ct);
        if (profile is not null)
        {
            Name = profile.Name;
            OfficialCode = profile.OfficialCode;
            Population = profile.Population.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Description = profile.Description;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 200)
        {
            Errors.Add("Name", "territory.error.name");
        }

        if (!int.TryParse(Population, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var population) || population < 0)
        {
            Errors.Add("Population", "territory.error.population");
        }

        if (Errors.Any)
        {
            return Page();
        }

        var profile = await db.TerritoryProfiles.FirstOrDefaultAsync(ct);
        if (profile is null)
        {
            db.TerritoryProfiles.Add(TerritoryProfile.Create(Name, OfficialCode, population, Description));
        }
        else
        {
            profile.Update(Name, OfficialCode, population, Description);
        }

        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "form.saved";
        return Redirect("/territory");
    }
}
