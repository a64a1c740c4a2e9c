using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.DataTrust.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.DataTrust.Consents;

/// <summary>Reads and records people's choices about the purposes in the register.</summary>
public sealed class ConsentLedger(ReflexesDbContext db, TimeProvider clock)
{
    public async Task<ProcessingPurpose?> CurrentPurposeAsync(string code, CancellationToken ct) =>
        await db.ProcessingPurposes.Where(p => p.Code == code).OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);

    /// <summary>The current version of every purpose in the register, by title.</summary>
    public async Task<IReadOnlyList<ProcessingPurpose>> CurrentPurposesAsync(CancellationToken ct)
    {
        var all = await db.ProcessingPurposes.AsNoTracking().ToListAsync(ct);
        return [.. all.GroupBy(p => p.Code).Select(g => g.MaxBy(p => p.Version)!).OrderBy(p => p.Title, StringComparer.CurrentCulture)];
    }

    /// <summary>Each subject's state for the purpose's current version, now.</summary>
    public async Task<IReadOnlyDictionary<Guid, ConsentState>> StatesAsync(
        ProcessingPurpose current, IReadOnlyCollection<Guid> subjectIds, CancellationToken ct)
    {
        var ids = subjectIds.ToList();
        var rows = await (
            from c in db.ConsentRecords
            join p in db.ProcessingPurposes on c.PurposeId equals p.Id
            where p.Code == current.Code && ids.Contains(c.SubjectId)
            select new { Record = c, p.Version }).AsNoTracking().ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var latest = rows.GroupBy(r => r.Record.SubjectId)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Record.RecordedAtUtc).ThenBy(r => r.Version).ThenBy(r => r.Record.Id).Last());
        return ids.Distinct().ToDictionary(id => id, id => ConsentRule.StateOf(
            current,
            latest.TryGetValue(id, out var l) ? (l.Record, l.Version) : null,
            now));
    }

    /// <summary>
    /// For one person, in one round trip: the purpose's current version (null when the purpose is not in
    /// the register), whether the person is known to the data trust, and their state for the purpose now —
    /// the same latest record as <see cref="StatesAsync"/> (latest time, then version, then identifier).
    /// </summary>
    public async Task<(ProcessingPurpose Purpose, bool SubjectKnown, ConsentState State)?> CurrentPurposeAndStateAsync(
        string code, Guid subjectId, CancellationToken ct)
    {
        var row = await PurposeAndLatest.For(db)(db, code, subjectId, ct);
        if (row is null)
        {
            return null;
        }

        var state = row.Choice is { } choice
            ? ConsentRule.StateOf(row.Purpose, choice, row.ExpiresAtUtc, row.Version!.Value, clock.GetUtcNow().UtcDateTime)
            : ConsentState.NotAsked;
        return (row.Purpose, row.Known, state);
    }

    private sealed record PurposeAndLatestRow(ProcessingPurpose Purpose, bool Known, ConsentChoice? Choice, DateTime? ExpiresAtUtc, int? Version);

    private static readonly PerModel<Func<ReflexesDbContext, string, Guid, CancellationToken, Task<PurposeAndLatestRow?>>> PurposeAndLatest = new(() =>
        EF.CompileAsyncQuery((ReflexesDbContext db, string code, Guid subjectId, CancellationToken ct) =>
            db.ProcessingPurposes.AsNoTracking().Where(p => p.Code == code).OrderByDescending(p => p.Version)
                .Select(p => new PurposeAndLatestRow(
                    p,
                    db.DataSubjects.Any(s => s.Id == subjectId),
                    (from c in db.ConsentRecords
                     join q in db.ProcessingPurposes on c.PurposeId equals q.Id
                     where q.Code == code && c.SubjectId == subjectId
                     orderby c.RecordedAtUtc descending, q.Version descending, c.Id descending
                     select (ConsentChoice?)c.Choice).FirstOrDefault(),
                    (from c in db.ConsentRecords
                     join q in db.ProcessingPurposes on c.PurposeId equals q.Id
                     where q.Code == code && c.SubjectId == subjectId
                     orderby c.RecordedAtUtc descending, q.Version descending, c.Id descending
                     select c.ExpiresAtUtc).FirstOrDefault(),
                    (from c in db.ConsentRecords
                     join q in db.ProcessingPurposes on c.PurposeId equals q.Id
                     where q.Code == code && c.SubjectId == subjectId
                     orderby c.RecordedAtUtc descending, q.Version descending, c.Id descending
                     select (int?)q.Version).FirstOrDefault()))
                .FirstOrDefault()));

    public async Task<ConsentState> StateAsync(Guid subjectId, string purposeCode, CancellationToken ct)
    {
        var purpose = await CurrentPurposeAsync(purposeCode, ct) ?? throw new ArgumentException("Unknown purpose.", nameof(purposeCode));
        return (await StatesAsync(purpose, [subjectId], ct))[subjectId];
    }

    /// <summary>The data subject of an account, created the first time the person comes.</summary>
    public async Task<DataSubject> SubjectOfUserAsync(string userId, CancellationToken ct)
    {
        var subject = await db.DataSubjects.FirstOrDefaultAsync(s => s.UserId == userId, ct);
        if (subject is not null)
        {
            return subject;
        }

        subject = DataSubject.Create(userId, clock.GetUtcNow().UtcDateTime);
        db.DataSubjects.Add(subject);
        await db.SaveChangesAsync(ct);
        return subject;
    }

    /// <summary>
    /// Records a choice about the current version of a consent-based purpose and returns the record,
    /// which is the subject of a receipt.
    /// </summary>
    public async Task<ConsentRecord> RecordAsync(
        DataSubject subject,
        string purposeCode,
        ConsentChoice choice,
        ConsentChannel channel,
        string recordedByUserId,
        string? onBehalfOf,
        CancellationToken ct)
    {
        var purpose = await CurrentPurposeAsync(purposeCode, ct) ?? throw new ArgumentException("Unknown purpose.", nameof(purposeCode));
        if (!purpose.RequiresConsent)
        {
            throw new InvalidOperationException("This purpose does not rest on consent: there is no choice to record.");
        }

        var record = ConsentRecord.Record(subject, purpose, choice, channel, recordedByUserId, onBehalfOf, clock.GetUtcNow().UtcDateTime);
        db.ConsentRecords.Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }

    /// <summary>Every record about the subject, newest first, with the purpose version it concerns.</summary>
    public async Task<IReadOnlyList<(ConsentRecord Record, ProcessingPurpose Purpose)>> HistoryAsync(Guid subjectId, CancellationToken ct)
    {
        var rows = await (
            from c in db.ConsentRecords
            join p in db.ProcessingPurposes on c.PurposeId equals p.Id
            where c.SubjectId == subjectId
            select new { c, p }).AsNoTracking().ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.c.RecordedAtUtc).Select(r => (r.c, r.p))];
    }

    public async Task<(ConsentRecord Record, ProcessingPurpose Purpose, DataSubject Subject)?> ReceiptAsync(Guid recordId, CancellationToken ct)
    {
        var row = await (
            from c in db.ConsentRecords
            join p in db.ProcessingPurposes on c.PurposeId equals p.Id
            join s in db.DataSubjects on c.SubjectId equals s.Id
            where c.Id == recordId
            select new { c, p, s }).AsNoTracking().FirstOrDefaultAsync(ct);
        return row is null ? null : (row.c, row.p, row.s);
    }
}
