using System.Globalization;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Reserve.Agents;

namespace Reflexes.Web.Modules.Reserve.Volunteers;

/// <summary>The person's membership of the civic reserve (profile, availability, reassignments), for their rights.</summary>
public sealed class VolunteersHolder(VolunteerDesk desk, ReassignmentDesk reassignments) : IPersonalDataHolder
{
    public string NameKey => "holder.reserve";

    public async Task<IReadOnlyList<HeldItem>> DescribeAsync(SubjectRef subject, CancellationToken ct)
    {
        if (await desk.OfSubjectAsync(subject.SubjectId, ct) is not { } d)
        {
            return [];
        }

        var v = d.Volunteer;
        var items = new List<HeldItem>
        {
            new("volunteer", v.FullName,
            [
                new("name", v.FullName),
                new("kind", v.Kind.ToString()),
                new("phone", v.Phone),
                new("email", v.Email),
                new("location", string.Create(CultureInfo.InvariantCulture, $"{v.Latitude:0.#####}, {v.Longitude:0.#####}") + (v.LocationGiven ? "" : " (quartier)")),
                new("maxDistanceKm", v.MaxDistanceKm.ToString(CultureInfo.InvariantCulture)),
                new("languages", v.Languages),
                new("skills", string.Join(", ", d.MainSkills)),
                new("secondarySkills", string.Join(", ", d.SecondarySkills)),
                new("weeklyPattern", string.Join(" ", v.Pattern.Cells.Select(c => c.Key))),
                new("never", string.Join(" ", v.Never.Cells.Select(c => c.Key))),
                new("exceptions", string.Join(" ", d.Exceptions.Select(e => e.HalfDay + (e.Available ? "+" : "-")))),
                new("caps", string.Create(CultureInfo.InvariantCulture, $"{v.MaxHalfDaysPerWeek}/week, {v.MaxHalfDaysPerMonth}/month")),
                new("joinedAt", v.JoinedAtUtc.ToString("O", CultureInfo.InvariantCulture)),
                new("leftAt", v.LeftAtUtc?.ToString("O", CultureInfo.InvariantCulture)),
            ]),
        };
        foreach (var r in await reassignments.OfVolunteerAsync(v.Id, ct))
        {
            items.Add(new HeldItem("reassignment", r.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [
                new("description", r.Description),
                new("start", r.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new("plannedEnd", r.PlannedEndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new("plannedReturn", r.PlannedReturnDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new("status", r.Status.ToString()),
                new("mentor", r.Mentor),
            ]));
        }

        foreach (var h in await reassignments.HalfDaysOfVolunteerAsync(v.Id, ct))
        {
            items.Add(new HeldItem("volunteer-half-day", h.HalfDay.ToString(), [new("mission", h.MissionRef), new("skills", h.SkillIds)]));
        }

        return items;
    }

    public async Task<ErasureOutcome> EraseAsync(SubjectRef subject, CancellationToken ct)
    {
        if (await desk.OfSubjectAsync(subject.SubjectId, ct) is not { } d)
        {
            return new ErasureOutcome(0, []);
        }

        var count = 1 + d.Skills.Count + d.Exceptions.Count + (await reassignments.OfVolunteerAsync(d.Volunteer.Id, ct)).Count
            + (await reassignments.HalfDaysOfVolunteerAsync(d.Volunteer.Id, ct)).Count;
        await desk.EraseAsync(d.Volunteer, ct);
        return new ErasureOutcome(count, []);
    }
}
