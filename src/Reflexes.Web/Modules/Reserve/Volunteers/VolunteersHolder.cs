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
        // One row per aspect, two columns: the portfolio's table stays readable on a narrow screen.
        (string Label, string? Value)[] rows =
        [
            ("Nom", v.FullName),
            ("Type", v.Kind == Domain.VolunteerKind.Agent ? "agent" : "habitant"),
            ("Téléphone", v.Phone),
            ("Adresse électronique", v.Email),
            ("Lieu de départ", string.Create(CultureInfo.InvariantCulture, $"{v.Latitude:0.#####}, {v.Longitude:0.#####}") + (v.LocationGiven ? "" : " (centre du quartier)")),
            ("Distance maximale (km)", v.MaxDistanceKm.ToString(CultureInfo.InvariantCulture)),
            ("Langues", v.Languages),
            ("Compétences", Skills(d.MainSkills)),
            ("Compétences à développer", Skills(d.SecondarySkills)),
            ("Disponibilités habituelles", string.Join(" ", v.Pattern.Cells.Select(c => c.Key))),
            ("Jamais", string.Join(" ", v.Never.Cells.Select(c => c.Key))),
            ("Exceptions datées", string.Join(" ", d.Exceptions.Select(e => e.HalfDay + (e.Available ? "+" : "-")))),
            ("Plafonds (semaine / mois)", string.Create(CultureInfo.InvariantCulture, $"{v.MaxHalfDaysPerWeek} / {v.MaxHalfDaysPerMonth}")),
            ("Inscrit le", v.JoinedAtUtc.ToString("O", CultureInfo.InvariantCulture)),
            ("Parti le", v.LeftAtUtc?.ToString("O", CultureInfo.InvariantCulture)),
        ];
        return [.. rows.Select(r => new HeldItem("volunteer", r.Label, [new("value", r.Value)]))];
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
