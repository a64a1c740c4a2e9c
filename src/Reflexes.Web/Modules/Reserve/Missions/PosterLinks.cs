using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Reserve.Missions;

/// <summary>
/// Which partner account posts missions for which organisation. The coordination unit links each partner
/// account to its association; a partner posts only for the organisation it is linked to.
/// </summary>
public sealed class PosterLinks(ReflexesDbContext db)
{
    public sealed record Link(string UserId, string Name, string Email, Guid OrganisationId, string Organisation);

    public async Task<IReadOnlyList<Link>> ListAsync(CancellationToken ct)
    {
        var links = await (from p in db.MissionPosters.AsNoTracking()
                           join u in db.Users on p.UserId equals u.Id
                           join o in db.Organisations on p.OrganisationId equals o.Id
                           select new Link(p.UserId, u.DisplayName, u.Email ?? "", o.Id, o.Name)).ToListAsync(ct);
        return [.. links.OrderBy(l => l.Organisation, StringComparer.CurrentCulture).ThenBy(l => l.Email, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyDictionary<Guid, string>> OrganisationsAsync(CancellationToken ct) =>
        (await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .OrderBy(o => o.Name, StringComparer.CurrentCulture).ToDictionary(o => o.Id, o => o.Name);

    /// <summary>
    /// Links the partner account with this e-mail address to the organisation (replacing an earlier link:
    /// an account posts for one organisation). Returns the field and message key of the problem, if any.
    /// </summary>
    public async Task<(string Field, string Key)?> LinkAsync(string? email, Guid? organisationId, CancellationToken ct)
    {
        if (organisationId is not { } orgId || !await db.Organisations.AnyAsync(o => o.Id == orgId, ct))
        {
            return ("OrganisationId", "posters.error.organisation");
        }

        var normalised = email?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(normalised) || normalised.Length > 256)
        {
            return ("Email", "posters.error.email");
        }

        var userId = await db.Users.Where(u => u.NormalizedEmail == normalised).Select(u => u.Id).FirstOrDefaultAsync(ct);
        if (userId is null)
        {
            return ("Email", "posters.error.unknown");
        }

        var isPartner = await (from ur in db.UserRoles
                               join r in db.Roles on ur.RoleId equals r.Id
                               where ur.UserId == userId && r.Name == Roles.Partner
                               select ur).AnyAsync(ct);
        if (!isPartner)
        {
            return ("Email", "posters.error.not-partner");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.MissionPosters.Where(p => p.UserId == userId).ExecuteDeleteAsync(ct);
        db.MissionPosters.Add(MissionPoster.Link(userId, orgId));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return null;
    }

    public async Task UnlinkAsync(string userId, CancellationToken ct) =>
        await db.MissionPosters.Where(p => p.UserId == userId).ExecuteDeleteAsync(ct);
}
