using System.Globalization;
using Reflexes.Web.Modules.DataTrust.Contracts;

namespace Reflexes.Web.Modules.Outreach.Referrals;

/// <summary>The referrals filed about a person and their history, for the person's rights (access, portability, erasure).</summary>
public sealed class ReferralHolder(ReferralRecords records) : IPersonalDataHolder
{
    public string NameKey => "holder.referrals";

    public async Task<IReadOnlyList<HeldItem>> DescribeAsync(SubjectRef subject, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var (referrals, events) = await records.OfSubjectAsync(subject.SubjectId, ct);
        return
        [
            .. referrals.Select(r => new HeldItem("referral", r.Category + " (" + r.FiledAtUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ")",
            [
                new("category", r.Category.ToString()),
                new("urgency", r.Urgency.ToString()),
                new("details", r.Details),
                new("consentToShare", r.ConsentToShare ? "yes" : "no"),
                new("filedAt", Time(r.FiledAtUtc)),
                new("status", r.Status.ToString()),
                new("acknowledgedAt", Time(r.AcknowledgedAtUtc)),
                new("closedAt", Time(r.ClosedAtUtc)),
                new("outcome", r.Outcome?.ToString()),
                new("history", string.Join("; ", events.Where(e => e.ReferralId == r.Id)
                    .Select(e => Time(e.AtUtc) + " " + e.Kind + (e.Note is null ? "" : ": " + e.Note)))),
            ])),
        ];
    }

    public async Task<ErasureOutcome> EraseAsync(SubjectRef subject, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return new ErasureOutcome(await records.EraseAsync(subject.SubjectId, ct), []);
    }

    private static string? Time(DateTime? utc) => utc?.ToString("O", CultureInfo.InvariantCulture);
}
