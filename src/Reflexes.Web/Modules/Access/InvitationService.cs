using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Platform.Clock;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Platform.Email;

namespace Reflexes.Web.Modules.Access;

/// <summary>Invites staff by an e-mailed link that works once and expires, and turns an accepted invitation into an account.</summary>
public sealed class InvitationService(
    ReflexesDbContext db,
    UserManager<ReflexesUser> users,
    Mailer mailer,
    IStringLocalizer text,
    TimeProvider time)
{
    public async Task<Invitation> InviteAsync(
        string email, string displayName, IReadOnlyCollection<string> roles, string invitedByUserId, Uri publicBase, CancellationToken ct)
    {
        var (invitation, token) = Invitation.Create(email, displayName, roles, invitedByUserId, time.UtcNow(), Invitation.DefaultLifetime);
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);

        var link = new Uri(publicBase, "/account/invitation/" + token);
        var expires = invitation.ExpiresAtUtc.ToString("f", CultureInfo.CurrentCulture);
        await mailer.SendAsync(
            invitation.Email,
            text["invitation.mail.subject"],
            text["invitation.mail.body", invitation.DisplayName, link, expires],
            ct);
        return invitation;
    }

    public async Task<Invitation?> FindPendingAsync(string token, CancellationToken ct)
    {
        var hash = Invitation.Hash(token);
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        return invitation?.StateAt(time.UtcNow()) == InvitationState.Pending ? invitation : null;
    }

    /// <summary>Creates the account; returns the errors (as Identity codes or message keys) when it cannot.</summary>
    public async Task<(ReflexesUser? User, IReadOnlyList<string> Errors)> AcceptAsync(string token, string password, CancellationToken ct)
    {
        var invitation = await FindPendingAsync(token, ct);
        if (invitation is null)
        {
            return (null, ["invitation.invalid"]);
        }

        if (await users.FindByEmailAsync(invitation.Email) is not null)
        {
            return (null, ["invitation.account-exists"]);
        }

        await using var transaction = await OwnedTransaction.BeginAsync(db, ct);
        var user = new ReflexesUser
        {
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true,
            DisplayName = invitation.DisplayName,
            CreatedAtUtc = time.UtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (null, created.Errors.Select(e => e.Code).ToList());
        }

        var roles = await users.AddToRolesAsync(user, invitation.RoleNames);
        if (!roles.Succeeded)
        {
            return (null, roles.Errors.Select(e => e.Code).ToList());
        }

        invitation.Accept(user.Id, time.UtcNow());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (user, []);
    }

    public async Task RevokeAsync(Guid id, CancellationToken ct)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (invitation is not null)
        {
            invitation.Revoke(time.UtcNow());
            await db.SaveChangesAsync(ct);
        }
    }
}
