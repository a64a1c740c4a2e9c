using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Outreach.Callers;

/// <summary>
/// Enrols user accounts as callers (staff, or residents of the civic reserve) with a level, and shows the
/// supervisor who is calling whom right now (the workflow, never the audio) and each caller's activity.
/// Names of the people being called are read through <see cref="PersonalDataAccess"/> under each campaign's purpose.
/// </summary>
public sealed class CallerDesk(ReflexesDbContext db, PersonalDataAccess access, TimeProvider clock)
{
    public sealed record CallerRow(Guid Id, string Name, string Email, CallerLevel Level, CallerKind Kind, bool Active, int CallsToday, int Calls, DateTime? LastCallAtUtc);

    public sealed record LiveCall(string CallerName, CallerLevel Level, string CampaignName, string? Person, DateTime ClaimedAtUtc, DateTime ReservedUntilUtc);

    public enum EnrolResult
    {
        Enrolled,
        UnknownUser,
        AlreadyEnrolled,
    }

    public async Task<EnrolResult> EnrolAsync(string email, CallerLevel level, CallerKind kind, string enrolledBy, CancellationToken ct)
    {
        var normalised = email.Trim().ToUpperInvariant();
        var userId = await db.Users.Where(u => u.NormalizedEmail == normalised).Select(u => u.Id).FirstOrDefaultAsync(ct);
        if (userId is null)
        {
            return EnrolResult.UnknownUser;
        }

        if (await db.Callers.AnyAsync(c => c.UserId == userId, ct))
        {
            return EnrolResult.AlreadyEnrolled;
        }

        db.Callers.Add(Caller.Enrol(userId, level, kind, enrolledBy, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return EnrolResult.Enrolled;
    }

    public async Task<bool> ChangeAsync(Guid id, CallerLevel level, bool active, CancellationToken ct)
    {
        var caller = await db.Callers.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (caller is null)
        {
            return false;
        }

        caller.Change(level, active);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<CallerRow>> ListAsync(CancellationToken ct)
    {
        var today = clock.GetUtcNow().UtcDateTime.Date;
        var callers = await (from k in db.Callers
                             join u in db.Users on k.UserId equals u.Id
                             select new { k.Id, u.DisplayName, u.Email, k.Level, k.Kind, k.Active }).ToListAsync(ct);
        var activity = await db.CallRecords.Where(c => c.EndedAtUtc != null).GroupBy(c => c.CallerId)
            .Select(g => new { g.Key, Calls = g.Count(), Today = g.Count(c => c.EndedAtUtc >= today), Last = g.Max(c => c.EndedAtUtc) }).ToListAsync(ct);
        return [.. callers.Select(k =>
        {
            var a = activity.FirstOrDefault(x => x.Key == k.Id);
            return new CallerRow(k.Id, k.DisplayName, k.Email ?? "", k.Level, k.Kind, k.Active, a?.Today ?? 0, a?.Calls ?? 0, a?.Last);
        }).OrderBy(r => r.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>Calls in progress right now. The called person's name shows only where the campaign's purpose allows it (each decision recorded).</summary>
    public async Task<IReadOnlyList<LiveCall>> LiveAsync(ClaimsPrincipal supervisor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var live = await (from c in db.CallRecords
                          where c.EndedAtUtc == null
                          join t in db.CallTargets on c.TargetId equals t.Id
                          where t.ReservationToken == c.ReservationToken && t.Status == CallTargetStatus.Reserved && t.DueAtUtc > now
                          join k in db.Callers on c.CallerId equals k.Id
                          join u in db.Users on k.UserId equals u.Id
                          join m in db.Campaigns on c.CampaignId equals m.Id
                          select new { u.DisplayName, k.Level, m.Name, m.PurposeCode, c.SubjectId, c.RegistrantId, c.ClaimedAtUtc, t.DueAtUtc })
            .ToListAsync(ct);
        var names = new Dictionary<Guid, string>();
        foreach (var purpose in live.Select(l => l.PurposeCode).Distinct())
        {
            var allowed = await access.FilterAsync([.. live.Where(l => l.PurposeCode == purpose).Select(l => l.SubjectId)], purpose, "outreach.supervision", supervisor, ct);
            foreach (var r in await db.Registrants.Where(r => allowed.Contains(r.SubjectId)).Select(r => new { r.Id, r.FirstName, r.LastName }).ToListAsync(ct))
            {
                names[r.Id] = r.FirstName + " " + r.LastName;
            }
        }

        return [.. live.OrderBy(l => l.ClaimedAtUtc)
            .Select(l => new LiveCall(l.DisplayName, l.Level, l.Name, names.GetValueOrDefault(l.RegistrantId), l.ClaimedAtUtc, l.DueAtUtc))];
    }
}
