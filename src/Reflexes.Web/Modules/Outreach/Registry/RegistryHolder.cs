using System.Globalization;
using Reflexes.Web.Modules.DataTrust.Contracts;

namespace Reflexes.Web.Modules.Outreach.Registry;

/// <summary>The person's registration in the register of fragile residents, for their rights.</summary>
public sealed class RegistryHolder(RegistryDesk desk) : IPersonalDataHolder
{
    public string NameKey => "holder.registry";

    public async Task<IReadOnlyList<HeldItem>> DescribeAsync(SubjectRef subject, CancellationToken ct)
    {
        if (await desk.OfSubjectAsync(subject.SubjectId, ct) is not { } r)
        {
            return [];
        }

        var merges = await desk.MergesAsync(r, ct);
        return
        [
            new HeldItem("registration", r.FirstName + " " + r.LastName,
            [
                new("name", r.FirstName + " " + r.LastName),
                new("birthDate", r.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new("address", r.Address),
                new("phone", r.Phone),
                new("otherPhone", r.OtherPhone),
                new("alertContact", r.AlertContact),
                new("ground", r.Ground.ToString()),
                new("registeredAt", r.RegisteredAtUtc.ToString("O", CultureInfo.InvariantCulture)),
                new("withdrawnAt", r.WithdrawnAtUtc?.ToString("O", CultureInfo.InvariantCulture)),
                new("status", r.Status.ToString()),
                new("requester", r.Requester),
                new("merges", merges.Count == 0 ? null : string.Join(" | ", merges.Select(m =>
                    m.MergedAtUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ": " + m.Kept + " + " + m.Absorbed + " (" + m.FieldSources.Replace('\n', ',') + ")"))),
            ]),
        ];
    }

    public async Task<ErasureOutcome> EraseAsync(SubjectRef subject, CancellationToken ct)
    {
        if (await desk.OfSubjectAsync(subject.SubjectId, ct) is not { } registrant)
        {
            return new ErasureOutcome(0, []);
        }

        await desk.EraseAsync(registrant, ct);
        return new ErasureOutcome(1, []);
    }
}
