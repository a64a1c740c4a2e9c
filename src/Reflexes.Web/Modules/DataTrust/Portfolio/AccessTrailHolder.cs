using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Audit;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.DataTrust.Portfolio;

/// <summary>Who read the person's data, when, for which purpose, and whether it was allowed.</summary>
public sealed class AccessTrailHolder(ReflexesDbContext db, AuditSequencer sequencer) : IPersonalDataHolder
{
    public string NameKey => "holder.access-trail";

    public async Task<IReadOnlyList<HeldItem>> DescribeAsync(SubjectRef subject, CancellationToken ct)
    {
        // The person sees every access committed so far, not only those the sequencer already integrated.
        await sequencer.IntegrateAsync(ct);
        var prefix = AccessJournal.SubjectRecordPrefix(subject.SubjectId);
        var entries = await db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Record != null && e.Record.StartsWith(prefix))
            .OrderByDescending(e => e.Sequence).Take(1000).ToListAsync(ct);
        var readers = entries.Select(e => e.Actor.StartsWith("user:", StringComparison.Ordinal) ? e.Actor[5..] : null).OfType<string>().Distinct().ToList();
        var names = await db.Users.Where(u => readers.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return [.. entries.Select(e => new HeldItem("access", e.Action,
        [
            new("when", e.OccurredAtUtc.ToString("O", CultureInfo.InvariantCulture)),
            new("who", e.Actor.StartsWith("user:", StringComparison.Ordinal) ? names.GetValueOrDefault(e.Actor[5..], e.Actor) : e.Actor),
            new("purpose", e.Purpose),
            new("result", e.Result),
            new("auditEntry", e.Sequence.ToString(CultureInfo.InvariantCulture)),
        ]))];
    }

    public async Task<ErasureOutcome> EraseAsync(SubjectRef subject, CancellationToken ct)
    {
        await sequencer.IntegrateAsync(ct);
        var prefix = AccessJournal.SubjectRecordPrefix(subject.SubjectId);
        var count = await db.Set<AuditEntry>().CountAsync(e => e.Record != null && e.Record.StartsWith(prefix), ct);
        return new ErasureOutcome(0, count == 0 ? [] :
            [new KeptItem($"{count} audit entr(y/ies) of access to the person's data", "The audit log is append-only and tamper-evident: it proves every access to the person's data (GDPR art. 5(2), accountability). It holds identifiers, never names.")]);
    }
}
