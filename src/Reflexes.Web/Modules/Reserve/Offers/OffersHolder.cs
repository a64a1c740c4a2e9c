using System.Globalization;
using Reflexes.Web.Modules.DataTrust.Contracts;

namespace Reflexes.Web.Modules.Reserve.Offers;

/// <summary>A person's offers of help, for their rights (the portfolio authorises the read first).</summary>
public sealed class OffersHolder(OfferDesk desk) : IPersonalDataHolder
{
    public string NameKey => "holder.reserve-offers";

    public async Task<IReadOnlyList<HeldItem>> DescribeAsync(SubjectRef subject, CancellationToken ct) =>
        [.. (await desk.OfSubjectAsync(subject.SubjectId, ct)).Select(o => new HeldItem("offer", o.Text,
        [
            new("text", o.Text),
            new("postedAt", o.PostedAtUtc.ToString("O", CultureInfo.InvariantCulture)),
            new("status", o.Status.ToString()),
            new("mission", o.MissionId?.ToString()),
        ]))];

    public async Task<ErasureOutcome> EraseAsync(SubjectRef subject, CancellationToken ct)
    {
        var offers = await desk.OfSubjectAsync(subject.SubjectId, ct);
        await desk.EraseAsync(offers, ct);
        return new ErasureOutcome(offers.Count, []);
    }
}
