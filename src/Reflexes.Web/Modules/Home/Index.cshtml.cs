using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Home;

[AllowAnonymous]
public sealed class IndexModel(ReflexesDbContext db) : PageModel
{
    public string? TerritoryName { get; private set; }

    public int Population { get; private set; }

    public int Neighbourhoods { get; private set; }

    public int Organisations { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var territory = await db.TerritoryProfiles.AsNoTracking().FirstOrDefaultAsync(ct);
        TerritoryName = territory?.Name;
        Population = territory?.Population ?? 0;
        Neighbourhoods = await db.Neighbourhoods.CountAsync(ct);
        Organisations = await db.Organisations.CountAsync(ct);
    }
}
