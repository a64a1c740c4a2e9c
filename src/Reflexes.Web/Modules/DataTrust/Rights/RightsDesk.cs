using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.DataTrust.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.DataTrust.Rights;

/// <summary>Carries out an erasure across every module that holds personal data, and writes what happened.</summary>
public sealed class RightsDesk(ReflexesDbContext db, IEnumerable<IPersonalDataHolder> holders, PersonalDataAccess access, IAuditLog audit, TimeProvider clock)
{
    public async Task<string> EraseAsync(RightsRequest request, ClaimsPrincipal officer, CancellationToken ct)
    {
        var byUserId = officer.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var subject = await db.DataSubjects.AsNoTracking().FirstAsync(s => s.Id == request.SubjectId, ct);
        await access.AuthoriseForDataSubjectRightsAsync(subject.Id, "rights.erasure", officer, ct);
        var report = new StringBuilder();
        var erased = 0;
        foreach (var holder in holders)
        {
            var outcome = await holder.EraseAsync(new SubjectRef(subject.Id, subject.UserId), ct);
            erased += outcome.Erased;
            foreach (var kept in outcome.Kept)
            {
                report.Append("Kept: ").Append(kept.What).Append(" — ").AppendLine(kept.Why);
            }
        }

        report.Insert(0, $"Erased: {erased} item(s).{Environment.NewLine}");
        request.Complete("Erasure carried out.", report.ToString().Trim(), byUserId, clock.GetUtcNow().UtcDateTime);
        await audit.AppendAsync(new AuditEvent("user:" + byUserId, "rights.erasure", null, AccessJournal.SubjectRecordPrefix(subject.Id), AuditResult.Allowed), ct);
        await db.SaveChangesAsync(ct);
        return report.ToString();
    }
}
