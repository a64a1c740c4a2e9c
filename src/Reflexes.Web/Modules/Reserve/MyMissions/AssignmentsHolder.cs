using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Reserve.MyMissions;

/// <summary>A person's assignments to missions, for their rights (the portfolio authorises the read through PersonalDataAccess first).</summary>
public sealed class AssignmentsHolder(ReflexesDbContext db) : IPersonalDataHolder
{
    public string NameKey => "holder.reserve-assignments";

    public async Task<IReadOnlyList<HeldItem>> DescribeAsync(SubjectRef subject, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var mine = await db.VolunteerAssignments.AsNoTracking().Where(a => a.SubjectId == subject.SubjectId).ToListAsync(ct);
        var missionIds = mine.Select(a => a.MissionId).Distinct().ToList();
        var titles = await db.Missions.AsNoTracking().Where(m => missionIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Title, ct);
        var slots = await db.MissionSlots.AsNoTracking().Where(s => missionIds.Contains(s.MissionId)).ToDictionaryAsync(s => s.Id, ct);
        return [.. mine.Select(a => new HeldItem("assignment", titles.GetValueOrDefault(a.MissionId, ""),
        [
            new("mission", titles.GetValueOrDefault(a.MissionId, "")),
            new("halfDay", slots.TryGetValue(a.SlotId, out var s) ? s.HalfDayCode : null),
            new("status", a.Status.ToString()),
            new("distanceMeters", a.DistanceMeters.ToString(CultureInfo.InvariantCulture)),
            new("minutesSpent", a.MinutesSpent?.ToString(CultureInfo.InvariantCulture)),
        ]))];
    }

    public async Task<ErasureOutcome> EraseAsync(SubjectRef subject, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var mine = await db.VolunteerAssignments.Where(a => a.SubjectId == subject.SubjectId).ToListAsync(ct);
        db.VolunteerAssignments.RemoveRange(mine);
        await db.SaveChangesAsync(ct);
        return new ErasureOutcome(mine.Count, []);
    }
}
