using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.Territory.Domain;
using Reflexes.Web.Modules.Territory.Export;
using Reflexes.Web.Modules.Territory.Import;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Territory.Organisations;

[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(ReflexesDbContext db, TerritoryExport export) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public OrganisationKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<Organisation> Rows { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await db.Organisations.AsNoTracking().ToListAsync(ct);
        Names = all.ToDictionary(o => o.Id, o => o.Name);
        Rows = all.Where(o => Kind is null || o.Kind == Kind)
            .Where(o => string.IsNullOrWhiteSpace(Q) || o.Name.Contains(Q.Trim(), StringComparison.CurrentCultureIgnoreCase)
                || o.Siret == Q.Trim() || string.Equals(o.Rna, Q.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderBy(o => o.Kind).ThenBy(o => o.Name, StringComparer.CurrentCulture).ToList();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        File(Encoding.UTF8.GetBytes(await export.ToCsvAsync(ImportKind.Organisations, ct)), "text/csv; charset=utf-8", "organisations.csv");
}
