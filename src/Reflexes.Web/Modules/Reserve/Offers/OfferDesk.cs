using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Modules.Reserve.Notifications;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Reserve.Offers;

/// <summary>
/// Residents' free offers of help. The author consents to the reserve's matching purpose when posting;
/// coordinators read offers only through the access service, and link one to a mission (the author is told).
/// </summary>
public sealed class OfferDesk(ReflexesDbContext db, PersonalDataAccess access, ConsentRecording consents, Notifier notifier, TimeProvider clock)
{
    /// <summary>The purpose under which the reserve handles volunteers' and offerers' data.</summary>
    public const string Purpose = "civic-reserve-matching";

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<OfferOfHelp> PostAsync(ClaimsPrincipal author, string authorName, string text, Guid? neighbourhoodId, CancellationToken ct)
    {
        var userId = UserId(author);
        await consents.GiveOwnConsentAsync(userId, Purpose, ct);
        var subjectId = await consents.SubjectOfAccountAsync(userId, ct);
        var offer = OfferOfHelp.Post(subjectId, userId, authorName, text, neighbourhoodId, clock.GetUtcNow().UtcDateTime);
        db.OffersOfHelp.Add(offer);
        await db.SaveChangesAsync(ct);
        return offer;
    }

    /// <summary>The person's own offers (their right of access: always allowed, and recorded).</summary>
    public async Task<IReadOnlyList<OfferOfHelp>> MineAsync(ClaimsPrincipal author, CancellationToken ct)
    {
        var subjectId = await consents.SubjectOfAccountAsync(UserId(author), ct);
        await access.AuthoriseForDataSubjectRightsAsync(subjectId, "reserve.my-offers", author, ct);
        return await db.OffersOfHelp.AsNoTracking().Where(o => o.SubjectId == subjectId).OrderByDescending(o => o.PostedAtUtc).ToListAsync(ct);
    }

    public async Task<bool> WithdrawAsync(Guid offerId, ClaimsPrincipal author, CancellationToken ct)
    {
        var subjectId = await consents.SubjectOfAccountAsync(UserId(author), ct);
        await access.AuthoriseForDataSubjectRightsAsync(subjectId, "reserve.withdraw-offer", author, ct);
        var offer = await db.OffersOfHelp.FirstOrDefaultAsync(o => o.Id == offerId && o.SubjectId == subjectId, ct);
        if (offer is null)
        {
            return false;
        }

        offer.Withdraw();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Offers not withdrawn whose authors' consent holds, newest first (each decision journaled).</summary>
    public async Task<IReadOnlyList<OfferOfHelp>> ForCoordinationAsync(ClaimsPrincipal coordinator, CancellationToken ct)
    {
        var subjects = await db.OffersOfHelp.Where(o => o.Status != OfferStatus.Withdrawn).Select(o => o.SubjectId).Distinct().ToListAsync(ct);
        var allowed = await access.FilterAsync(subjects, Purpose, "reserve.offers-list", coordinator, ct);
        return await db.OffersOfHelp.AsNoTracking().Where(o => o.Status != OfferStatus.Withdrawn && allowed.Contains(o.SubjectId))
            .OrderByDescending(o => o.PostedAtUtc).ToListAsync(ct);
    }

    /// <summary>Links an offer to a published or submitted mission and tells its author; false when refused or unknown.</summary>
    public async Task<bool> LinkAsync(Guid offerId, Guid missionId, ClaimsPrincipal coordinator, CancellationToken ct)
    {
        var subjectId = await db.OffersOfHelp.Where(o => o.Id == offerId).Select(o => (Guid?)o.SubjectId).FirstOrDefaultAsync(ct);
        var mission = await db.Missions.AsNoTracking().FirstOrDefaultAsync(m => m.Id == missionId, ct);
        if (subjectId is null || mission is null || mission.Status is not (MissionStatus.Published or MissionStatus.Submitted))
        {
            return false;
        }

        var decision = await access.AuthoriseAsync(new AccessRequest(subjectId.Value, Purpose, "reserve.offer-link", "offer/" + offerId), coordinator, ct);
        if (!decision.Allowed)
        {
            return false;
        }

        var offer = await db.OffersOfHelp.FirstAsync(o => o.Id == offerId, ct);
        if (offer.Status == OfferStatus.Withdrawn)
        {
            return false;
        }

        offer.LinkTo(missionId, UserId(coordinator), clock.GetUtcNow().UtcDateTime);
        await notifier.NotifyAsync(offer.UserId, "notification.offer-linked", [mission.Title],
            mission.Status == MissionStatus.Published ? "/reserve/catalogue/" + mission.Id : "/reserve/offers/mine", ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Missions an offer may be linked to: submitted or published, soonest first.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Title)>> LinkableMissionsAsync(CancellationToken ct) =>
        [.. (await db.Missions.AsNoTracking().Where(m => m.Status == MissionStatus.Published || m.Status == MissionStatus.Submitted)
            .OrderBy(m => m.Title).Select(m => new { m.Id, m.Title }).ToListAsync(ct)).Select(m => (m.Id, m.Title))];

    internal async Task<IReadOnlyList<OfferOfHelp>> OfSubjectAsync(Guid subjectId, CancellationToken ct) =>
        await db.OffersOfHelp.Where(o => o.SubjectId == subjectId).ToListAsync(ct);

    internal async Task EraseAsync(IReadOnlyList<OfferOfHelp> offers, CancellationToken ct)
    {
        db.OffersOfHelp.RemoveRange(offers);
        await db.SaveChangesAsync(ct);
    }
}
