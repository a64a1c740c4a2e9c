using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Outreach.Referrals;

/// <summary>Files referrals, from a call or from a person's page; orientation, inbox and closure build on the rows it writes.</summary>
public sealed class ReferralDesk(ReflexesDbContext db, PersonalDataAccess access, ReferralDeadlines deadlines, TimeProvider clock)
{
    /// <summary>The purpose under which callers, orientators and services handle referrals.</summary>
    public const string Purpose = "outreach-calls";

    /// <summary>
    /// Files a referral about a registered person. The filer must be allowed to handle the person's data
    /// for outreach calls (the decision is audited); returns null when they are not.
    /// </summary>
    public async Task<Referral?> FileAsync(ReferralFiling filing, ClaimsPrincipal filer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filing);
        if (filing.Validate() is { Count: > 0 } problems)
        {
            throw new ArgumentException("The referral is incomplete: " + string.Join(", ", problems.Select(p => p.Field)) + ".", nameof(filing));
        }

        var target = await db.Registrants.Where(r => r.Id == filing.RegistrantId && r.WithdrawnAtUtc == null)
            .Select(r => new { r.SubjectId, r.NeighbourhoodId }).FirstOrDefaultAsync(ct);
        if (target is null)
        {
            return null;
        }

        var decision = await access.AuthoriseAsync(new AccessRequest(target.SubjectId, Purpose, "outreach.referral-file", "registrant/" + filing.RegistrantId), filer, ct);
        if (!decision.Allowed)
        {
            return null;
        }

        var filedBy = filer.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var now = clock.GetUtcNow().UtcDateTime;
        var referral = Referral.File(filing, target.SubjectId, target.NeighbourhoodId, filedBy, now, deadlines);
        db.Referrals.Add(referral);
        db.ReferralEvents.Add(ReferralEvent.Record(referral, ReferralEventKind.Filed, filedBy, now));
        await db.SaveChangesAsync(ct);
        return referral;
    }

    /// <summary>
    /// The name of the person a referral would be about, read under the referral purpose (and recorded);
    /// null when there is no current registration, and a refusal when the reader may not refer them.
    /// </summary>
    public async Task<(string? Name, AccessDecision? Decision)> PersonAsync(Guid registrantId, ClaimsPrincipal reader, CancellationToken ct)
    {
        var subjectId = await db.Registrants.Where(r => r.Id == registrantId && r.WithdrawnAtUtc == null).Select(r => (Guid?)r.SubjectId).FirstOrDefaultAsync(ct);
        if (subjectId is null)
        {
            return (null, null);
        }

        var decision = await access.AuthoriseAsync(new AccessRequest(subjectId.Value, Purpose, "outreach.referral-form", "registrant/" + registrantId), reader, ct);
        if (!decision.Allowed)
        {
            return (null, decision);
        }

        var person = await db.Registrants.AsNoTracking().FirstAsync(r => r.Id == registrantId, ct);
        return (person.FirstName + " " + person.LastName, decision);
    }
}
