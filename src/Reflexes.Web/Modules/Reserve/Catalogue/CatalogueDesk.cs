using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Modules.Reserve.Missions;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Reserve.Catalogue;

/// <summary>Published missions with half-days still to come, for anyone to browse: no personal data here.</summary>
public sealed class CatalogueDesk(ReflexesDbContext db, MissionDesk missions)
{
    public async Task<IReadOnlyList<Mission>> SearchAsync(CatalogueFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var today = missions.Today;
        var query = db.Missions.AsNoTracking().Include(m => m.Slots)
            .Where(m => m.Status == MissionStatus.Published && m.Slots.Any(s => s.Date >= today));
        if (filter.NeighbourhoodId is { } n)
        {
            query = query.Where(m => m.NeighbourhoodId == n);
        }

        if (filter.Priority is { } p)
        {
            query = query.Where(m => m.Priority == p);
        }

        if (filter.Date is { } d)
        {
            query = query.Where(m => m.Slots.Any(s => s.Date == d));
        }

        var found = await query.ToListAsync(ct);
        if (!string.IsNullOrEmpty(filter.Skill))
        {
            // Skills are stored as a comma-separated list: match whole codes, not substrings.
            found = [.. found.Where(m => MissionVocabulary.Split(m.Skills).Contains(filter.Skill, StringComparer.Ordinal))];
        }

        return await missions.OrderAsync(found, ct);
    }

    public async Task<Mission?> PublishedAsync(Guid id, CancellationToken ct) =>
        await db.Missions.AsNoTracking().Include(m => m.Slots).FirstOrDefaultAsync(m => m.Id == id && m.Status == MissionStatus.Published, ct);
}
