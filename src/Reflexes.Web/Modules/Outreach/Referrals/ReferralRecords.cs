using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Outreach.Referrals;

/// <summary>
/// The one place that queries referral rows and their history. Every read of a referral goes through
/// the access service under the referral purpose ("outreach-calls"): one person with
/// <see cref="ReadAsync"/>, lists with <see cref="ListAsync"/>. Statistics and the escalation job
/// project identifiers, categories and dates only, never the person or what was said about them.
/// </summary>
public sealed class ReferralRecords(ReflexesDbContext db, PersonalDataAccess access)
{
    public const string Purpose = ReferralDesk.Purpose;

    /// <summary>A list of referrals the reader may see, the names of the people they are about, and how many were hidden.</summary>
    public sealed record Listing(IReadOnlyList<Referral> Shown, IReadOnlyDictionary<Guid, string> PersonNames, int Hidden);

    /// <summary>The person as a service or orientator may see them.</summary>
    public sealed record Person(string Name, string Phone, string Address);

    /// <summary>One line of a referral's history.</summary>
    public sealed record HistoryLine(DateTime AtUtc, string Actor, ReferralEventKind Kind, ReferralStatus Status, Guid? ServiceId, string? Note);

    /// <summary>What aggregate figures need: no person, no text.</summary>
    public sealed record Fact(
        Guid Id, NeedCategory Category, ReferralUrgency Urgency, ReferralStatus Status, Guid? ServiceId, Guid? NeighbourhoodId,
        DateTime FiledAtUtc, DateTime? AcknowledgedAtUtc, DateTime? ClosedAtUtc, DateTime AcknowledgeByUtc, DateTime CloseByUtc,
        DateTime? AcknowledgementEscalatedAtUtc, DateTime? ClosureEscalatedAtUtc, ReferralOutcome? Outcome);

    /// <summary>One referral, tracked for changes, or why it cannot be read (null decision: no such referral).</summary>
    public async Task<(Referral? Referral, AccessDecision? Decision)> ReadAsync(Guid id, string action, ClaimsPrincipal reader, CancellationToken ct)
    {
        var subjectId = await db.Referrals.Where(r => r.Id == id).Select(r => (Guid?)r.SubjectId).FirstOrDefaultAsync(ct);
        if (subjectId is null)
        {
            return (null, null);
        }

        var decision = await access.AuthoriseAsync(new AccessRequest(subjectId.Value, Purpose, action, "referral/" + id), reader, ct);
        return decision.Allowed ? (await db.Referrals.FirstAsync(r => r.Id == id, ct), decision) : (null, decision);
    }

    /// <summary>The receiving service a referral is at (an identifier, not personal data); null when none or no such referral.</summary>
    public async Task<Guid?> ServiceOfAsync(Guid id, CancellationToken ct) =>
        await db.Referrals.Where(r => r.Id == id).Select(r => r.ServiceId).FirstOrDefaultAsync(ct);

    /// <summary>The referrals matching <paramref name="where"/> whose people the referral purpose allows, oldest deadline first.</summary>
    public async Task<Listing> ListAsync(Expression<Func<Referral, bool>> where, string action, ClaimsPrincipal reader, CancellationToken ct)
    {
        var candidates = await db.Referrals.Where(where).Select(r => new { r.Id, r.SubjectId }).ToListAsync(ct);
        var subjects = candidates.Select(c => c.SubjectId).Distinct().ToList();
        var allowed = subjects.Count == 0 ? [] : await access.FilterAsync(subjects, Purpose, action, reader, ct);
        var allowedSet = allowed.ToHashSet();
        var ids = candidates.Where(c => allowedSet.Contains(c.SubjectId)).Select(c => c.Id).ToList();
        var shown = await db.Referrals.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        var registrantIds = shown.Select(r => r.RegistrantId).Distinct().ToList();
        var names = await db.Registrants.AsNoTracking().Where(r => registrantIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.LastName + " " + r.FirstName, ct);
        return new Listing(
            [.. shown.OrderBy(r => r.AcknowledgedAtUtc is null ? r.AcknowledgeByUtc : r.CloseByUtc).ThenBy(r => r.FiledAtUtc)],
            names,
            candidates.Count - ids.Count);
    }

    /// <summary>The person a referral the reader was allowed to read is about.</summary>
    public async Task<Person?> PersonOfAsync(Referral referral, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var r = await db.Registrants.AsNoTracking().FirstOrDefaultAsync(x => x.Id == referral.RegistrantId, ct);
        return r is null ? null : new Person(r.FirstName + " " + r.LastName, r.Phone, r.Address);
    }

    /// <summary>The history of a referral the reader was allowed to read, oldest first, with who acted.</summary>
    public async Task<IReadOnlyList<HistoryLine>> HistoryAsync(Referral referral, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var events = await db.ReferralEvents.AsNoTracking().Where(e => e.ReferralId == referral.Id).ToListAsync(ct);
        var actorIds = events.Select(e => e.ActorUserId).Distinct().ToList();
        var names = await db.Users.Where(u => actorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return [.. events.OrderBy(e => e.AtUtc).ThenBy(e => e.Kind)
            .Select(e => new HistoryLine(e.AtUtc, names.GetValueOrDefault(e.ActorUserId, e.ActorUserId), e.Kind, e.Status, e.ServiceId, e.Note))];
    }

    /// <summary>The display name of an account (an owner, an orientator), or null.</summary>
    public async Task<string?> DisplayNameAsync(string? userId, CancellationToken ct) =>
        userId is null ? null : await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);

    /// <summary>Figures for dashboards and the anonymous export.</summary>
    public async Task<IReadOnlyList<Fact>> FactsAsync(CancellationToken ct) =>
        await db.Referrals.AsNoTracking().Select(r => new Fact(
            r.Id, r.Category, r.Urgency, r.Status, r.ServiceId, r.NeighbourhoodId, r.FiledAtUtc, r.AcknowledgedAtUtc, r.ClosedAtUtc,
            r.AcknowledgeByUtc, r.CloseByUtc, r.AcknowledgementEscalatedAtUtc, r.ClosureEscalatedAtUtc, r.Outcome)).ToListAsync(ct);

    /// <summary>
    /// For a personal export: the people of <paramref name="referralIds"/> the purpose allows (each
    /// decision recorded), with their name, phone, and what was said when they agreed to share it.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, (Person Person, string? Details)>> PersonalColumnsAsync(
        IReadOnlyCollection<Guid> referralIds, string purposeCode, ClaimsPrincipal reader, CancellationToken ct)
    {
        var candidates = await db.Referrals.Where(r => referralIds.Contains(r.Id)).Select(r => new { r.Id, r.SubjectId }).ToListAsync(ct);
        var subjects = candidates.Select(c => c.SubjectId).Distinct().ToList();
        var allowed = (subjects.Count == 0 ? [] : await access.FilterAsync(subjects, purposeCode, "outreach.referral-export", reader, ct)).ToHashSet();
        var ids = candidates.Where(c => allowed.Contains(c.SubjectId)).Select(c => c.Id).ToList();
        var referrals = await db.Referrals.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        var registrantIds = referrals.Select(r => r.RegistrantId).Distinct().ToList();
        var people = await db.Registrants.AsNoTracking().Where(r => registrantIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        return referrals.Where(r => people.ContainsKey(r.RegistrantId)).ToDictionary(
            r => r.Id,
            r =>
            {
                var p = people[r.RegistrantId];
                return (new Person(p.FirstName + " " + p.LastName, p.Phone, p.Address), r.ConsentToShare ? r.Details : null);
            });
    }

    /// <summary>
    /// Marks overdue referrals as escalated and writes one history line for each, once: a row is
    /// escalated by the conditional update that finds it not yet escalated, so two instances running at
    /// the same moment cannot both do it (PostgreSQL also serialises runs with an advisory lock; SQLite
    /// has a single writer). Returns how many escalations were recorded.
    /// </summary>
    public async Task<int> EscalateOverdueAsync(DateTime nowUtc, CancellationToken ct)
    {
        await using var transaction = await OwnedTransaction.BeginAsync(db, ct);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({EscalationLockKey})", ct);
        }

        var late = await db.Referrals
            .Where(r => r.Status != ReferralStatus.Closed
                && ((r.AcknowledgedAtUtc == null && r.AcknowledgementEscalatedAtUtc == null && r.AcknowledgeByUtc < nowUtc)
                    || (r.ClosureEscalatedAtUtc == null && r.CloseByUtc < nowUtc)))
            .Select(r => new { r.Id, r.SubjectId, r.Status, r.ServiceId, r.AcknowledgedAtUtc, r.AcknowledgeByUtc, r.AcknowledgementEscalatedAtUtc, r.ClosureEscalatedAtUtc, r.CloseByUtc })
            .ToListAsync(ct);
        var count = 0;
        foreach (var r in late)
        {
            if (r.AcknowledgedAtUtc is null && r.AcknowledgementEscalatedAtUtc is null && r.AcknowledgeByUtc < nowUtc
                && await db.Referrals.Where(x => x.Id == r.Id && x.AcknowledgementEscalatedAtUtc == null && x.AcknowledgedAtUtc == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.AcknowledgementEscalatedAtUtc, nowUtc), ct) == 1)
            {
                db.Add(ReferralEvent.For(r.Id, r.SubjectId, ReferralEventKind.AcknowledgementEscalated, r.Status, r.ServiceId, ReferralEvent.EscalationActor, nowUtc));
                count++;
            }

            if (r.ClosureEscalatedAtUtc is null && r.CloseByUtc < nowUtc
                && await db.Referrals.Where(x => x.Id == r.Id && x.ClosureEscalatedAtUtc == null && x.Status != ReferralStatus.Closed)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClosureEscalatedAtUtc, nowUtc), ct) == 1)
            {
                db.Add(ReferralEvent.For(r.Id, r.SubjectId, ReferralEventKind.ClosureEscalated, r.Status, r.ServiceId, ReferralEvent.EscalationActor, nowUtc));
                count++;
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return count;
    }

    /// <summary>The referrals and history of a person the access service allowed for their rights.</summary>
    internal async Task<(IReadOnlyList<Referral> Referrals, IReadOnlyList<ReferralEvent> Events)> OfSubjectAsync(Guid subjectId, CancellationToken ct) =>
        (await db.Referrals.Where(r => r.SubjectId == subjectId).OrderBy(r => r.FiledAtUtc).ToListAsync(ct),
            await db.ReferralEvents.Where(e => e.SubjectId == subjectId).OrderBy(e => e.AtUtc).ToListAsync(ct));

    internal async Task<int> EraseAsync(Guid subjectId, CancellationToken ct)
    {
        await db.ReferralEvents.Where(e => e.SubjectId == subjectId).ExecuteDeleteAsync(ct);
        return await db.Referrals.Where(r => r.SubjectId == subjectId).ExecuteDeleteAsync(ct);
    }

    private const long EscalationLockKey = 0x524546455343; // "REFESC"
}
