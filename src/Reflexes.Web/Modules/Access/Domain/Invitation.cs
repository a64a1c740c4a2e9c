using System.Security.Cryptography;
using System.Text;

namespace Reflexes.Web.Modules.Access.Domain;

/// <summary>
/// An invitation sent by e-mail to a member of staff. Only a hash of the token is stored, so a
/// database leak does not hand out valid links; a link works once and until it expires.
/// </summary>
public sealed class Invitation
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);

    private Invitation()
    {
    }

    public Guid Id { get; private set; }

    public string Email { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    /// <summary>Role names, separated by commas.</summary>
    public string RoleList { get; private set; } = "";

    public string TokenHash { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime ExpiresAtUtc { get; private set; }

    public string CreatedByUserId { get; private set; } = "";

    public DateTime? AcceptedAtUtc { get; private set; }

    public string? AcceptedUserId { get; private set; }

    public DateTime? RevokedAtUtc { get; private set; }

    public IReadOnlyList<string> RoleNames =>
        RoleList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static (Invitation Invitation, string Token) Create(
        string email, string displayName, IEnumerable<string> roles, string createdByUserId, DateTime nowUtc, TimeSpan lifetime)
    {
        var roleList = roles.Distinct(StringComparer.Ordinal).ToList();
        if (roleList.Count == 0)
        {
            throw new ArgumentException("An invitation needs at least one role.", nameof(roles));
        }

        var unknown = roleList.FirstOrDefault(r => !Roles.IsKnown(r));
        if (unknown is not null)
        {
            throw new ArgumentException($"Unknown role '{unknown}'.", nameof(roles));
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var invitation = new Invitation
        {
            Id = Guid.NewGuid(),
            Email = email.Trim(),
            DisplayName = displayName.Trim(),
            RoleList = string.Join(',', roleList),
            TokenHash = Hash(token),
            CreatedAtUtc = nowUtc,
            ExpiresAtUtc = nowUtc + lifetime,
            CreatedByUserId = createdByUserId,
        };
        return (invitation, token);
    }

    public static string Hash(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public InvitationState StateAt(DateTime nowUtc) =>
        AcceptedAtUtc is not null ? InvitationState.Accepted
        : RevokedAtUtc is not null ? InvitationState.Revoked
        : nowUtc >= ExpiresAtUtc ? InvitationState.Expired
        : InvitationState.Pending;

    public void Accept(string userId, DateTime nowUtc)
    {
        var state = StateAt(nowUtc);
        if (state != InvitationState.Pending)
        {
            throw new InvalidOperationException($"This invitation cannot be accepted: it is {state}.");
        }

        AcceptedAtUtc = nowUtc;
        AcceptedUserId = userId;
    }

    public void Revoke(DateTime nowUtc)
    {
        if (StateAt(nowUtc) == InvitationState.Pending)
        {
            RevokedAtUtc = nowUtc;
        }
    }
}
