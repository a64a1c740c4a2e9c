using System.Globalization;
using Reflexes.Web.Modules.DataTrust.Consents;
using Reflexes.Web.Modules.DataTrust.Contracts;

namespace Reflexes.Web.Modules.DataTrust.Portfolio;

/// <summary>The person's choices about purposes. They are kept after an erasure: they prove what the person agreed to.</summary>
public sealed class ConsentHolder(ConsentLedger ledger) : IPersonalDataHolder
{
    public string NameKey => "holder.consents";

    public async Task<IReadOnlyList<HeldItem>> DescribeAsync(SubjectRef subject, CancellationToken ct)
    {
        var history = await ledger.HistoryAsync(subject.SubjectId, ct);
        return [.. history.Select(h => new HeldItem("consent", h.Purpose.Title,
        [
            new("purpose", h.Purpose.Code),
            new("purposeVersion", h.Purpose.Version.ToString(CultureInfo.InvariantCulture)),
            new("choice", h.Record.Choice.ToString()),
            new("channel", h.Record.Channel.ToString()),
            new("recordedAt", h.Record.RecordedAtUtc.ToString("O", CultureInfo.InvariantCulture)),
            new("expiresAt", h.Record.ExpiresAtUtc?.ToString("O", CultureInfo.InvariantCulture)),
            new("onBehalfOf", h.Record.OnBehalfOf),
            new("receipt", h.Record.Id.ToString()),
        ]))];
    }

    public async Task<ErasureOutcome> EraseAsync(SubjectRef subject, CancellationToken ct)
    {
        var count = (await ledger.HistoryAsync(subject.SubjectId, ct)).Count;
        return new ErasureOutcome(0, count == 0 ? [] :
            [new KeptItem($"{count} consent record(s)", "Proof of what the person agreed to and when (GDPR art. 7(1)): each names the person by identifier only and, where someone spoke for them, says who that was.")]);
    }
}
