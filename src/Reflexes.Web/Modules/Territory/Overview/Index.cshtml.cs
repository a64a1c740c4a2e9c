using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.Territory.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Territory.Overview;

[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(ReflexesDbContext db) : PageModel
{
    public TerritoryProfile? Profile { get; private set; }

    public int Neighbourhoods { get; private set; }

    public int Organisations { get; private set; }

    public int Agents { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Profile = await db.TerritoryProfiles.AsNoTracking().FirstOrDefaultAsync(ct);
        Neighbourhoods = await db.Neighbourhoods.CountAsync(ct);
        Organisations = await db.Organisations.CountAsync(ct);
        Agents = await db.Agents.CountAsync(ct);
    }
}
