using System.Globalization;
using Microsoft.Extensions.Localization;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Reserve.Skills;

namespace Reflexes.Web.Modules.Reserve.Volunteers;

/// <summary>The person's membership of the civic reserve (profile, skills, availability), for their rights.</summary>
public sealed class VolunteersHolder(VolunteerDesk desk, SkillCatalogue catalogue, IStringLocalizer text) : IPersonalDataHolder
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
            (text["holder.reserve.row.name"], v.FullName),
            (text["holder.reserve.row.kind"], v.Kind == Domain.VolunteerKind.Agent ? text["holder.reserve.kind.agent"] : text["holder.reserve.kind.resident"]),
            (text["holder.reserve.row.phone"], v.Phone),
            (text["holder.reserve.row.email"], v.Email),
            (text["holder.reserve.row.location"], string.Create(CultureInfo.InvariantCulture, $"{v.Latitude:0.#####}, {v.Longitude:0.#####}") + (v.LocationGiven ? "" : " " + text["holder.reserve.neighbourhood-centre"])),
            (text["holder.reserve.row.max-distance"], v.MaxDistanceKm.ToString(CultureInfo.InvariantCulture)),
            (text["holder.reserve.row.languages"], v.Languages),
            (text["holder.reserve.row.skills"], Skills(d.MainSkills)),
            (text["holder.reserve.row.secondary-skills"], Skills(d.SecondarySkills)),
            (text["holder.reserve.row.pattern"], string.Join(" ", v.Pattern.Cells.Select(c => c.Key))),
            (text["holder.reserve.row.never"], string.Join(" ", v.Never.Cells.Select(c => c.Key))),
            (text["holder.reserve.row.exceptions"], string.Join(" ", d.Exceptions.Select(e => e.HalfDay + (e.Available ? "+" : "-")))),
            (text["holder.reserve.row.caps"], string.Create(CultureInfo.InvariantCulture, $"{v.MaxHalfDaysPerWeek} / {v.MaxHalfDaysPerMonth}")),
            (text["holder.reserve.row.joined"], v.JoinedAtUtc.ToString("O", CultureInfo.InvariantCulture)),
            (text["holder.reserve.row.left"], v.LeftAtUtc?.ToString("O", CultureInfo.InvariantCulture)),
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
