using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Platform.Clock;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Access;

/// <summary>Account operations used by administrators in the browser and by the `reflexes user` commands.</summary>
public sealed class UserAdministration(
    ReflexesDbContext db,
    UserManager<ReflexesUser> users,
    RoleManager<ReflexesRole> roles,
    TimeProvider time)
{
    public async Task EnsureRolesExistAsync(CancellationToken ct)
    {
        foreach (var name in Roles.All)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                var result = await roles.CreateAsync(new ReflexesRole(name));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create role {name}: {Describe(result)}");
                }
            }
        }

        ct.ThrowIfCancellationRequested();
    }

    public async Task<(ReflexesUser? User, IReadOnlyList<string> Errors)> CreateAsync(
        string email, string displayName, string password, IReadOnlyCollection<string> roleNames, CancellationToken ct)
    {
        var unknown = roleNames.Where(r => !Roles.IsKnown(r)).ToList();
        if (unknown.Count > 0)
        {
            return (null, [$"Unknown role(s): {string.Join(", ", unknown)}. Known roles: {string.Join(", ", Roles.All)}."]);
        }

        await EnsureRolesExistAsync(ct);
        await using var transaction = await OwnedTransaction.BeginAsync(db, ct);
        var user = new ReflexesUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            DisplayName = displayName.Trim(),
            CreatedAtUtc = time.UtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (null, created.Errors.Select(e => e.Description).ToList());
        }

        if (roleNames.Count > 0)
        {
            var added = await users.AddToRolesAsync(user, roleNames);
            if (!added.Succeeded)
            {
                return (null, added.Errors.Select(e => e.Description).ToList());
            }
        }

        await transaction.CommitAsync(ct);
        return (user, []);
    }

    /// <summary>Replaces a person's roles; refuses to remove the last administrator.</summary>
    public async Task<IReadOnlyList<string>> SetRolesAsync(ReflexesUser user, IReadOnlyCollection<string> wanted, CancellationToken ct)
    {
        if (wanted.Any(r => !Roles.IsKnown(r)))
        {
            return ["roles.unknown"];
        }

        await EnsureRolesExistAsync(ct);
        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Administrator) && !wanted.Contains(Roles.Administrator)
            && (await users.GetUsersInRoleAsync(Roles.Administrator)).Count <= 1)
        {
            return ["roles.last-administrator"];
        }

        var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted));
        var added = await users.AddToRolesAsync(user, wanted.Except(current));
        if (!removed.Succeeded || !added.Succeeded)
        {
            return removed.Errors.Concat(added.Errors).Select(e => e.Description).ToList();
        }

        // Other sessions of this person pick up the new roles at the next stamp validation.
        await users.UpdateSecurityStampAsync(user);
        return [];
    }

    public async Task<IReadOnlyList<string>> AddRoleAsync(string email, string role, CancellationToken ct)
    {
        if (!Roles.IsKnown(role))
        {
            return [$"Unknown role '{role}'. Known roles: {string.Join(", ", Roles.All)}."];
        }

        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return [$"No account with the e-mail address '{email}'."];
        }

        await EnsureRolesExistAsync(ct);
        if (await users.IsInRoleAsync(user, role))
        {
            return [];
        }

        var result = await users.AddToRoleAsync(user, role);
        return result.Succeeded ? [] : result.Errors.Select(e => e.Description).ToList();
    }

    public Task<List<ReflexesRole>> RolesAsync(CancellationToken ct) =>
        db.Roles.OrderBy(r => r.Name).ToListAsync(ct);

    public async Task SetTwoFactorRequirementAsync(string roleName, bool required, CancellationToken ct)
    {
        await EnsureRolesExistAsync(ct);
        var role = await db.Roles.FirstAsync(r => r.Name == roleName, ct);
        role.RequireTwoFactor(required);
        await db.SaveChangesAsync(ct);
    }

    private static string Describe(IdentityResult result) => string.Join("; ", result.Errors.Select(e => e.Description));
}
