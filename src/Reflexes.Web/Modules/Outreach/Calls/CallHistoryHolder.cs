using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Outreach.Calls;

/// <summary>
/// Calls made to a person and their place in campaigns' target lists, for their rights (access,
/// portability, erasure). The data trust has already allowed the person (PersonalDataAccess, data-subject rights).
/// </summary>
public sealed class CallHistoryHolder(ReflexesDbContext db) : IPersonalDataHolder
{
    public string NameKey => "holder.calls";

    public async Task<IReadOnlyList<HeldItem>> DescribeAsync(SubjectRef subject, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var calls = await (from c in db.CallRecords
                           where c.SubjectId == subject.SubjectId && c.EndedAtUtc != null
                           join k in db.Campaigns on c.CampaignId equals k.Id
                           orderby c.EndedAtUtc
                           select new { k.Name, c.EndedAtUtc, c.Outcome, c.AnswersJson, c.Notes }).ToListAsync(ct);
        var lists = await (from t in db.CallTargets
                           where t.SubjectId == subject.SubjectId
                           join k in db.Campaigns on t.CampaignId equals k.Id
                           select new { k.Name, t.Status }).ToListAsync(ct);
        return
        [
            .. lists.Select(l => new HeldItem("campaign", l.Name, [new("campaign", l.Name), new("status", l.Status.ToString())])),
            .. calls.Select(c => new HeldItem("call", c.Name, [
                new("campaign", c.Name),
                new("endedAt", c.EndedAtUtc!.Value.ToString("O", CultureInfo.InvariantCulture)),
                new("outcome", c.Outcome?.ToString()),
                new("answers", c.AnswersJson),
                new("notes", c.Notes),
            ])),
        ];
    }

    public async Task<ErasureOutcome> EraseAsync(SubjectRef subject, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var calls = await db.CallRecords.Where(c => c.SubjectId == subject.SubjectId).ExecuteDeleteAsync(ct);
        var targets = await db.CallTargets.Where(t => t.SubjectId == subject.SubjectId).ExecuteDeleteAsync(ct);
        return new ErasureOutcome(calls + targets, []);
    }
}
