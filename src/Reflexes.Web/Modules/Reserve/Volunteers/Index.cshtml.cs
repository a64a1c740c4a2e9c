using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Reserve.Skills;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Reserve.Volunteers;

/// <summary>The coordination unit's list of the reserve's members whose data may be used for matching.</summary>
[Authorize(Policy = ReserveModule.CoordinationPolicy)]
public sealed class IndexModel(VolunteerDesk desk, SkillCatalogue catalogue, ReflexesDbContext db) : PageModel
{
    public VolunteerDesk.Listing Listing { get; private set; } = new([], 0);

    public IReadOnlyDictionary<Guid, string> SkillNames { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyDictionary<Guid, string> Neighbourhoods { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Listing = await desk.ListAsync(User, ct);
        SkillNames = (await catalogue.TreeAsync(ct)).ToDictionary(s => s.Id, s => s.Name);
        Neighbourhoods = await db.Neighbourhoods.AsNoTracking().ToDictionaryAsync(n => n.Id, n => n.Name, ct);
    }
}
