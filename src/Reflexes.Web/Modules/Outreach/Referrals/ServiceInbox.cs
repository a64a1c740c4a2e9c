using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Outreach.Referrals;

/// <summary>
/// A receiving service's inbox: only the referrals routed to a service the person works for; the
/// details and the person's identity only when the person agreed to share them, otherwise the
/// orientator who routed it is the way to reach them.
/// </summary>
public sealed class ServiceInbox(ReflexesDbContext db, ReferralRecords records, ServiceMembership membership, TimeProvider clock)
{
    /// <summary>Who to ask about the person when the details are not shared.</summary>
    public sealed record Contact(string Name, string Email);

    public async Task<(IReadOnlyList<Guid> Services, ReferralRecords.Listing Listing)> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var services = await membership.ServicesOfAsync(user, ct);
        if (services.Count == 0)
        {
            return (services, new ReferralRecords.Listing([], new Dictionary<Guid, string>(), 0));
        }

        var listing = await records.ListAsync(r => r.ServiceId != null && services.Contains(r.ServiceId.Value), "outreach.inbox-list", user, ct);
        return (services, listing);
    }

    /// <summary>One referral of the person's services (tracked), or null when it is not theirs or cannot be read.</summary>
    public async Task<Referral?> ReadAsync(Guid id, string action, ClaimsPrincipal user, CancellationToken ct)
    {
        var services = await membership.ServicesOfAsync(user, ct);
        if (await records.ServiceOfAsync(id, ct) is not { } service || !services.Contains(service))
        {
            return null;
        }

        return (await records.ReadAsync(id, action, user, ct)).Referral;
    }

    public async Task<Contact?> OrientatorAsync(Referral referral, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(referral);
        return await db.Users.Where(u => u.Id == referral.OrientatorUserId).Select(u => new Contact(u.DisplayName, u.Email ?? "")).FirstOrDefaultAsync(ct);
    }

    public async Task<bool> AcknowledgeAsync(Guid id, ClaimsPrincipal user, CancellationToken ct) =>
        await ActAsync(id, "outreach.inbox-acknowledge", user, r => r.Status == ReferralStatus.Assigned, (r, userId, now) =>
        {
            r.Acknowledge(userId, now);
            return ReferralEventKind.Acknowledged;
        }, null, ct);

    public async Task<bool> StartWorkAsync(Guid id, string? note, ClaimsPrincipal user, CancellationToken ct) =>
        await ActAsync(id, "outreach.inbox-progress", user, r => r.Status is ReferralStatus.Acknowledged, (r, userId, _) =>
        {
            r.StartWork(userId);
            return ReferralEventKind.InProgress;
        }, note, ct);

    public async Task<bool> AddNoteAsync(Guid id, string note, ClaimsPrincipal user, CancellationToken ct) =>
        await ActAsync(id, "outreach.inbox-note", user, r => r.IsOpen, (_, _, _) => ReferralEventKind.Note, note, ct);

    public async Task<bool> ReturnAsync(Guid id, string note, ClaimsPrincipal user, CancellationToken ct) =>
        await ActAsync(id, "outreach.inbox-return", user, r => r.IsOpen, (r, _, _) =>
        {
            r.ReturnToOrientation();
            return ReferralEventKind.ReturnedToOrientation;
        }, note, ct);

    public async Task<bool> CloseAsync(Guid id, ReferralOutcome outcome, string? note, ClaimsPrincipal user, CancellationToken ct) =>
        await ActAsync(id, "outreach.inbox-close", user, r => r.Status is ReferralStatus.Acknowledged or ReferralStatus.InProgress, (r, userId, now) =>
        {
            r.Close(outcome, userId, now);
            return ReferralEventKind.Closed;
        }, note, ct);

    private async Task<bool> ActAsync(
        Guid id, string action, ClaimsPrincipal user, Func<Referral, bool> allowed, Func<Referral, string, DateTime, ReferralEventKind> change, string? note, CancellationToken ct)
    {
        var referral = await ReadAsync(id, action, user, ct);
        if (referral is null || !allowed(referral))
        {
            return false;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var now = clock.GetUtcNow().UtcDateTime;
        var kind = change(referral, userId, now);
        db.Add(ReferralEvent.Record(referral, kind, userId, now, note));
        await db.SaveChangesAsync(ct);
        return true;
    }
}
