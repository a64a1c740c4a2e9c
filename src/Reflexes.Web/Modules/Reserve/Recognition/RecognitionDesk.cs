using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Modules.Reserve.Volunteers;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Reserve.Recognition;

/// <summary>Hours given by volunteers (recorded after confirmed missions), and a person's own certificate of engagement.</summary>
public sealed class RecognitionDesk(
    ReflexesDbContext db, PersonalDataAccess access, ConsentRecording consents, VolunteerDesk volunteers, UserManager<ReflexesUser> users)
{
    public const string Purpose = "civic-reserve-matching";

    public sealed record Line(Guid VolunteerId, string Name, int Missions, int Minutes);

    public sealed record Certificate(string Name, IReadOnlyList<(string Mission, DateOnly Date, int Minutes)> Missions)
    {
        public int Minutes => Missions.Sum(m => m.Minutes);
    }

    /// <summary>Confirmed missions and recorded hours per volunteer whose data may be used, most hours first.</summary>
    public async Task<IReadOnlyList<Line>> HoursAsync(ClaimsPrincipal coordinator, CancellationToken ct)
    {
        var subjects = await db.VolunteerAssignments.Where(a => a.Status == AssignmentStatus.Accepted).Select(a => a.SubjectId).Distinct().ToListAsync(ct);
        if (subjects.Count == 0)
        {
            return [];
        }

        var allowed = await access.FilterAsync(subjects, Purpose, "reserve.recognition", coordinator, ct);
        var accepted = await db.VolunteerAssignments.AsNoTracking().Where(a => a.Status == AssignmentStatus.Accepted && allowed.Contains(a.SubjectId)).ToListAsync(ct);
        var names = (await volunteers.ListAsync(coordinator, ct)).Shown.ToDictionary(d => d.Volunteer.Id, d => d.Volunteer.FullName);
        return [.. accepted.GroupBy(a => a.VolunteerId)
            .Select(g => new Line(g.Key, names.GetValueOrDefault(g.Key, "—"), g.Count(), g.Sum(a => a.MinutesSpent ?? 0)))
            .OrderByDescending(l => l.Minutes).ThenBy(l => l.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>The signed-in person's certificate: their missions with recorded time (their own data: allowed and recorded).</summary>
    public async Task<Certificate> MineAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var subjectId = await consents.SubjectOfAccountAsync(userId, ct);
        await access.AuthoriseForDataSubjectRightsAsync(subjectId, "reserve.certificate", user, ct);
        var done = await db.VolunteerAssignments.AsNoTracking()
            .Where(a => a.SubjectId == subjectId && a.Status == AssignmentStatus.Accepted && a.MinutesSpent != null).ToListAsync(ct);
        var missionIds = done.Select(a => a.MissionId).Distinct().ToList();
        var missions = await db.Missions.AsNoTracking().Include(m => m.Slots).Where(m => missionIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var name = (await volunteers.MineAsync(user, ct))?.Volunteer.FullName ?? (await users.FindByIdAsync(userId))?.DisplayName ?? "";
        return new Certificate(name, [.. done.Select(a => (missions[a.MissionId].Title, missions[a.MissionId].Slots.First(s => s.Id == a.SlotId).Date, a.MinutesSpent!.Value))
            .OrderBy(m => m.Date)]);
    }
}
