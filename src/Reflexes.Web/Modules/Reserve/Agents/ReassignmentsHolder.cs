using System.Globalization;
using Microsoft.Extensions.Localization;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Reserve.Skills;
using Reflexes.Web.Modules.Reserve.Volunteers;

namespace Reflexes.Web.Modules.Reserve.Agents;

/// <summary>An agent's reassignment periods and the half-days they gave, for their rights.</summary>
public sealed class ReassignmentsHolder(VolunteerDesk volunteers, ReassignmentDesk desk, SkillCatalogue catalogue, IStringLocalizer text) : IPersonalDataHolder
{
    public string NameKey => "holder.reassignments";

    public async Task<IReadOnlyList<HeldItem>> DescribeAsync(SubjectRef subject, CancellationToken ct)
    {
        if (await volunteers.OfSubjectAsync(subject.SubjectId, ct) is not { } d)
        {
            return [];
        }

        var names = (await catalogue.TreeAsync(ct)).ToDictionary(s => s.Id, s => s.Name);
        static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var items = new List<HeldItem>();
        foreach (var r in await desk.OfVolunteerAsync(d.Volunteer.Id, ct))
        {
            items.Add(new HeldItem("reassignment", Day(r.StartDate),
            [
                new("when", Day(r.StartDate) + " – " + Day(r.PlannedEndDate) + " (" + text["holder.reassignments.return", Day(r.EndedOn ?? r.PlannedReturnDate)] + ")"),
                new("what", r.Description + (r.Mentor is null ? "" : " — " + text["holder.reassignments.mentor", r.Mentor])),
                new("status", r.Status.ToString()),
            ]));
        }

        foreach (var h in await desk.HalfDaysOfVolunteerAsync(d.Volunteer.Id, ct))
        {
            items.Add(new HeldItem("volunteer-half-day", h.HalfDay.ToString(),
            [
                new("when", h.HalfDay.ToString()),
                new("what", h.MissionRef + " — " + string.Join(", ", h.SkillList.Select(s => names.GetValueOrDefault(s, s.ToString())))),
                new("status", "Confirmed"),
            ]));
        }

        return items;
    }

    public async Task<ErasureOutcome> EraseAsync(SubjectRef subject, CancellationToken ct)
    {
        if (await volunteers.OfSubjectAsync(subject.SubjectId, ct) is not { } d)
        {
            return new ErasureOutcome(0, []);
        }

        return new ErasureOutcome(await desk.EraseOfVolunteerAsync(d.Volunteer.Id, ct), []);
    }
}
