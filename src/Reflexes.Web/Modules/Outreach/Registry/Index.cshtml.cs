using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Outreach.Registry;

/// <summary>The register, as far as each person's consent allows: withdrawn or expired consents are counted, never shown.</summary>
[Authorize(Policy = OutreachModule.Policy)]
public sealed class IndexModel(RegistryDesk desk, ReflexesDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Neighbourhood { get; set; }

    [BindProperty(SupportsGet = true)]
    public EligibilityGround? Ground { get; set; }

    public RegistryDesk.Listing Listing { get; private set; } = new([], 0);

    public IReadOnlyDictionary<Guid, string> Neighbourhoods { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Neighbourhoods = await db.Neighbourhoods.AsNoTracking().OrderBy(n => n.Name).ToDictionaryAsync(n => n.Id, n => n.Name, ct);
        Listing = await desk.ListAsync(Neighbourhood, Ground, User, ct);
    }
}
