using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Modules.Territory.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Outreach.Referrals;

/// <summary>
/// Who works for which receiving service (docs/adr/0520): an account named a member of the service by
/// orientation, or a staff member whose directory entry (same e-mail address) is in that service.
/// </summary>
public sealed class ServiceMembership(ReflexesDbContext db, TimeProvider clock)
{
    public sealed record Service(Guid Id, string Name, OrganisationKind Kind);

    public sealed record Member(Guid Id, Guid ServiceId, string ServiceName, string UserName, string Email);

    /// <summary>Organisations that can receive referrals (every organisation but the local government itself).</summary>
    public async Task<IReadOnlyList<Service>> ReceivingServicesAsync(CancellationToken ct) =>
        [.. (await db.Organisations.AsNoTracking().Where(o => o.Kind != OrganisationKind.LocalGovernment)
            .Select(o => new Service(o.Id, o.Name, o.Kind)).ToListAsync(ct))
            .OrderBy(s => s.Name, StringComparer.CurrentCulture)];

    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(CancellationToken ct) =>
        await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);

    /// <summary>The services the signed-in person belongs to.</summary>
    public async Task<IReadOnlyList<Guid>> ServicesOfAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || !(user.IsInRole(Roles.Partner) || user.IsInRole(Roles.Agent)))
        {
            return [];
        }

        var named = await db.ServiceMembers.Where(m => m.UserId == userId).Select(m => m.ServiceId).ToListAsync(ct);
        var email = (await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct))?.Trim().ToLowerInvariant();
        var inDirectory = email is null
            ? []
            : await db.Agents.Where(a => a.Email == email).Select(a => a.ServiceId).ToListAsync(ct);
        return [.. named.Concat(inDirectory).Distinct()];
    }

    public async Task<IReadOnlyList<Member>> MembersAsync(CancellationToken ct)
    {
        var names = await NamesAsync(ct);
        var rows = await (from m in db.ServiceMembers
                          join u in db.Users on m.UserId equals u.Id
                          select new { m.Id, m.ServiceId, u.DisplayName, u.Email }).ToListAsync(ct);
        return [.. rows.Select(r => new Member(r.Id, r.ServiceId, names.GetValueOrDefault(r.ServiceId, "?"), r.DisplayName, r.Email ?? ""))
            .OrderBy(m => m.ServiceName, StringComparer.CurrentCulture).ThenBy(m => m.UserName, StringComparer.CurrentCulture)];
    }

    /// <summary>Names an account a member of a service; returns the message key of the problem, or null when done.</summary>
    public async Task<string?> AddAsync(Guid serviceId, string email, string addedByUserId, CancellationToken ct)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == serviceId && o.Kind != OrganisationKind.LocalGovernment, ct))
        {
            return "members.error.service";
        }

        var normalised = email.Trim().ToUpperInvariant();
        var userId = await db.Users.Where(u => u.NormalizedEmail == normalised).Select(u => u.Id).FirstOrDefaultAsync(ct);
        if (userId is null)
        {
            return "members.error.account";
        }

        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == userId
                           select r.Name).ToListAsync(ct);
        if (!roles.Contains(Roles.Partner) && !roles.Contains(Roles.Agent))
        {
            return "members.error.role";
        }

        if (await db.ServiceMembers.AnyAsync(m => m.ServiceId == serviceId && m.UserId == userId, ct))
        {
            return "members.error.already";
        }

        db.ServiceMembers.Add(ServiceMember.Add(serviceId, userId, addedByUserId, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task RemoveAsync(Guid memberId, CancellationToken ct) =>
        await db.ServiceMembers.Where(m => m.Id == memberId).ExecuteDeleteAsync(ct);
}
