using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.Territory.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Reserve.Agents;

/// <summary>
/// Links a signed-in account to its entry in the staff directory (Territory), by the professional
/// e-mail address the directory is keyed on. It says who is an agent and who is whose home manager.
/// </summary>
public sealed class StaffDirectoryLink(ReflexesDbContext db, UserManager<ReflexesUser> users)
{
    public async Task<Agent?> EntryOfAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.Identity?.IsAuthenticated != true || await users.GetUserAsync(user) is not { Email: { } email })
        {
            return null;
        }

        var normalised = email.Trim().ToLowerInvariant();
        return await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.Email == normalised, ct);
    }

    /// <summary>The service of each agent and the parent of each organisation, to find whose quota applies.</summary>
    public async Task<IReadOnlyDictionary<Guid, Guid?>> OrganisationParentsAsync(CancellationToken ct) =>
        await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.ParentId, ct);

    public async Task<IReadOnlyDictionary<Guid, Agent>> AgentsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        return await db.Agents.AsNoTracking().Where(a => list.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
    }
}
