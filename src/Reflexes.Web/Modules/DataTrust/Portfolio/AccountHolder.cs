using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.DataTrust.Portfolio;

/// <summary>
/// The person's account. A resident's account is deleted on erasure; a staff or partner account is kept
/// while the person works with the local government and closed by an administrator when they leave.
/// </summary>
public sealed class AccountHolder(ReflexesDbContext db, UserManager<ReflexesUser> users) : IPersonalDataHolder
{
    public string NameKey => "holder.account";

    public async Task<IReadOnlyList<HeldItem>> DescribeAsync(SubjectRef subject, CancellationToken ct)
    {
        if (subject.UserId is null || await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == subject.UserId, ct) is not { } user)
        {
            return [];
        }

        var roles = await users.GetRolesAsync(user);
        return
        [
            new HeldItem("account", user.DisplayName,
            [
                new("name", user.DisplayName),
                new("email", user.Email),
                new("roles", string.Join(", ", roles.Order(StringComparer.Ordinal))),
                new("createdAt", user.CreatedAtUtc.ToString("O", CultureInfo.InvariantCulture)),
                new("twoFactor", user.TwoFactorEnabled ? "on" : "off"),
            ]),
        ];
    }

    public async Task<ErasureOutcome> EraseAsync(SubjectRef subject, CancellationToken ct)
    {
        if (subject.UserId is null || await users.FindByIdAsync(subject.UserId) is not { } user)
        {
            return new ErasureOutcome(0, []);
        }

        var roles = await users.GetRolesAsync(user);
        if (roles.Any(r => r != Roles.Resident))
        {
            return new ErasureOutcome(0, [new KeptItem("account (" + string.Join(", ", roles) + ")",
                "A staff or partner account is needed for the person's work with the local government; an administrator closes it when they leave.")]);
        }

        var result = await users.DeleteAsync(user);
        return result.Succeeded
            ? new ErasureOutcome(1, [])
            : throw new InvalidOperationException("The account could not be deleted: " + string.Join("; ", result.Errors.Select(e => e.Code)));
    }
}
