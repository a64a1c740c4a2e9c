using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Outreach.Referrals;

/// <summary>Files referrals. The orientation queue, routing and closure build on the rows it writes.</summary>
public sealed class ReferralDesk(ReflexesDbContext db, PersonalDataAccess access, TimeProvider clock)
{
    /// <summary>The purpose under which callers and orientators handle referrals.</summary>
    public const string Purpose = "outreach-calls";

    /// <summary>
    /// Files a referral about a registered person. The filer must be allowed to handle the person's data
    /// for outreach calls (the decision is audited); returns null when they are not.
    /// </summary>
    public async Task<Referral?> FileAsync(ReferralFiling filing, ClaimsPrincipal filer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filing);
        if (string.IsNullOrWhiteSpace(filing.Details) || filing.Details.Length > ReferralFiling.DetailsMaxLength)
        {
            throw new ArgumentException("A referral needs details of at most " + ReferralFiling.DetailsMaxLength + " characters.", nameof(filing));
        }

        var subjectId = await db.Registrants.Where(r => r.Id == filing.RegistrantId && r.WithdrawnAtUtc == null)
            .Select(r => (Guid?)r.SubjectId).FirstOrDefaultAsync(ct);
        if (subjectId is null)
        {
            return null;
        }

        var decision = await access.AuthoriseAsync(new AccessRequest(subjectId.Value, Purpose, "outreach.referral-file", "registrant/" + filing.RegistrantId), filer, ct);
        if (!decision.Allowed)
        {
            return null;
        }

        var referral = Referral.File(filing, subjectId.Value, filer.FindFirstValue(ClaimTypes.NameIdentifier)!, clock.GetUtcNow().UtcDateTime);
        db.Referrals.Add(referral);
        await db.SaveChangesAsync(ct);
        return referral;
    }
}
