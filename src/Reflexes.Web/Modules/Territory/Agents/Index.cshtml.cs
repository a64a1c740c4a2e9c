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

namespace Reflexes.Web.Modules.Territory.Agents;

[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(ReflexesDbContext db, TerritoryExport export) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Service { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<Agent> Rows { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Services { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyDictionary<Guid, string> Managers { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Services = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Service)
            .OrderBy(o => o.Name).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var all = await db.Agents.AsNoTracking().ToListAsync(ct);
        Managers = all.ToDictionary(a => a.Id, a => a.FullName);
        var q = Q?.Trim();
        Rows = all.Where(a => Service is null || a.ServiceId == Service)
            .Where(a => string.IsNullOrEmpty(q) || a.FullName.Contains(q, StringComparison.CurrentCultureIgnoreCase)
                || a.Email.Contains(q, StringComparison.OrdinalIgnoreCase))
            .OrderBy(a => a.LastName, StringComparer.CurrentCulture).ThenBy(a => a.FirstName, StringComparer.CurrentCulture).ToList();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        File(Encoding.UTF8.GetBytes(await export.ToCsvAsync(ImportKind.Agents, ct)), "text/csv; charset=utf-8", "agents.csv");
}
