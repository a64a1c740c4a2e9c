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

namespace Reflexes.Web.Modules.Territory.Neighbourhoods;

[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(ReflexesDbContext db, TerritoryExport export) : PageModel
{
    public IReadOnlyList<Neighbourhood> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await db.Neighbourhoods.AsNoTracking().OrderBy(n => n.Name).ToListAsync(ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        File(Encoding.UTF8.GetBytes(await export.ToCsvAsync(ImportKind.Neighbourhoods, ct)), "text/csv; charset=utf-8", "neighbourhoods.csv");
}
