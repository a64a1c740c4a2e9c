using System.Globalization;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Reserve.Skills;

namespace Reflexes.Web.Modules.Reserve.Volunteers;

/// <summary>The person's membership of the civic reserve (profile, skills, availability), for their rights.</summary>
public sealed class VolunteersHolder(VolunteerDesk desk, SkillCatalogue catalogue) : IPersonalDataHolder
{
    public string NameKey => "holder.reserve";

    public async Task<IReadOnlyList<HeldItem>> DescribeAsync(SubjectRef subject, CancellationToken ct)
    {
        if (await desk.OfSubjectAsync(subject.SubjectId, ct) is not { } d)
        {
            return [];
        }

        var names = (await catalogue.TreeAsync(ct)).ToDictionary(s => s.Id, s => s.Name);
        string Skills(IEnumerable<Guid> ids) => string.Join(", ", ids.Select(i => names.GetValueOrDefault(i, i.ToString())));
        var v = d.Volunteer;
        return
        [
            new("volunteer", v.FullName,
            [
                new("name", v.FullName),
                new("kind", v.Kind.ToString()),
                new("phone", v.Phone),
                new("email", v.Email),
                new("location", string.Create(CultureInfo.InvariantCulture, $"{v.Latitude:0.#####}, {v.Longitude:0.#####}") + (v.LocationGiven ? "" : " (centre du quartier)")),
                new("maxDistanceKm", v.MaxDistanceKm.ToString(CultureInfo.InvariantCulture)),
                new("languages", v.Languages),
                new("skills", Skills(d.MainSkills)),
                new("secondarySkills", Skills(d.SecondarySkills)),
                new("weeklyPattern", string.Join(" ", v.Pattern.Cells.Select(c => c.Key))),
                new("never", string.Join(" ", v.Never.Cells.Select(c => c.Key))),
                new("exceptions", string.Join(" ", d.Exceptions.Select(e => e.HalfDay + (e.Available ? "+" : "-")))),
                new("caps", string.Create(CultureInfo.InvariantCulture, $"{v.MaxHalfDaysPerWeek} / {v.MaxHalfDaysPerMonth}")),
                new("joinedAt", v.JoinedAtUtc.ToString("O", CultureInfo.InvariantCulture)),
                new("leftAt", v.LeftAtUtc?.ToString("O", CultureInfo.InvariantCulture)),
            ]),
        ];
    }

    public async Task<ErasureOutcome> EraseAsync(SubjectRef subject, CancellationToken ct)
    {
        if (await desk.OfSubjectAsync(subject.SubjectId, ct) is not { } d)
        {
            return new ErasureOutcome(0, []);
        }

        var count = 1 + d.Skills.Count + d.Exceptions.Count;
        await desk.EraseAsync(d.Volunteer, ct);
        return new ErasureOutcome(count, []);
    }
}
