using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Reserve.Agents;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Modules.Reserve.Notifications;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Reserve.MyMissions;

/// <summary>
/// A volunteer's own assignments: accept or decline what the coordination unit published, see what is confirmed,
/// record the time given afterwards. An agent's accepted half-day is taken from their yearly quota (and given back
/// if they withdraw); a decline tells the coordination unit, which re-plans.
/// </summary>
public sealed class MyMissionsDesk(
    ReflexesDbContext db, PersonalDataAccess access, ConsentRecording consents, ReassignmentDesk reassignments, Notifier notifier,
    UserManager<ReflexesUser> users, TimeProvider clock)
{
    public sealed record Item(AssignmentOfVolunteer Assignment, Mission Mission, MissionSlot Slot);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>The person's own assignments that were shown to them (their right of access: allowed and recorded).</summary>
    public async Task<IReadOnlyList<Item>> MineAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var subjectId = await consents.SubjectOfAccountAsync(UserId(user), ct);
        await access.AuthoriseForDataSubjectRightsAsync(subjectId, "reserve.my-missions", user, ct);
        var mine = await db.VolunteerAssignments.AsNoTracking()
            .Where(a => a.SubjectId == subjectId && a.Status != AssignmentStatus.Proposed && a.Status != AssignmentStatus.Withdrawn).ToListAsync(ct);
        var missionIds = mine.Select(a => a.MissionId).Distinct().ToList();
        var missions = await db.Missions.AsNoTracking().Include(m => m.Slots).Where(m => missionIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        return [.. mine.Select(a => new Item(a, missions[a.MissionId], missions[a.MissionId].Slots.First(s => s.Id == a.SlotId)))
            .OrderBy(i => i.Slot.Date).ThenBy(i => i.Slot.Period)];
    }

    /// <summary>Accepts a published assignment; returns a localisation key when it cannot be accepted.</summary>
    public async Task<string?> AcceptAsync(Guid id, ClaimsPrincipal user, CancellationToken ct) => await AcceptAsync(await OwnAsync(id, user, ct), user, ct);

    /// <summary>A coordinator records the answer a volunteer without an account gave by phone (docs/adr/0327).</summary>
    public async Task<string?> AcceptByPhoneAsync(Guid id, ClaimsPrincipal coordinator, CancellationToken ct) =>
        await AcceptAsync(await ByPhoneAsync(id, "reserve.assignment-accept-by-phone", coordinator, ct), coordinator, ct);

    /// <summary>A coordinator records that a volunteer without an account declined by phone; the unit is told, as for any decline.</summary>
    public async Task<string?> DeclineByPhoneAsync(Guid id, ClaimsPrincipal coordinator, CancellationToken ct) =>
        await DeclineAsync(await ByPhoneAsync(id, "reserve.assignment-decline-by-phone", coordinator, ct), coordinator, ct);

    private async Task<string?> AcceptAsync(
        (AssignmentOfVolunteer? Assignment, Mission? Mission, MissionSlot? Slot) loaded, ClaimsPrincipal user, CancellationToken ct)
    {
        var (assignment, mission, slot) = loaded;
        if (assignment is null || assignment.Status != AssignmentStatus.Published)
        {
            return "my-missions.error.not-open";
        }

        if (slot!.Date < Today)
        {
            return "my-missions.error.past";
        }

        var outcome = await reassignments.RecordConfirmedHalfDayAsync(assignment.VolunteerId, HalfDay(slot), "mission/" + mission!.Id,
            [.. MissionVocabulary.Split(mission.Skills).Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty)], user, ct);
        switch (outcome)
        {
            case ConsumptionOutcome.QuotaExhausted:
                return "my-missions.error.quota";
            case ConsumptionOutcome.NoApprovedReassignment:
                return "my-missions.error.no-reassignment";
            case ConsumptionOutcome.NotAllowed:
                return "my-missions.error.not-allowed";
            default:
                break;
        }

        assignment.Accept(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Declines (or withdraws from) an assignment; the coordination unit is told so that it re-plans.</summary>
    public async Task<string?> DeclineAsync(Guid id, ClaimsPrincipal user, CancellationToken ct) => await DeclineAsync(await OwnAsync(id, user, ct), user, ct);

    private async Task<string?> DeclineAsync(
        (AssignmentOfVolunteer? Assignment, Mission? Mission, MissionSlot? Slot) loaded, ClaimsPrincipal user, CancellationToken ct)
    {
        var (assignment, mission, slot) = loaded;
        if (assignment is null || assignment.Status is not (AssignmentStatus.Published or AssignmentStatus.Accepted))
        {
            return "my-missions.error.not-open";
        }

        var wasAccepted = assignment.IsConfirmed;
        assignment.Decline(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        if (wasAccepted)
        {
            await reassignments.ReleaseHalfDayAsync(assignment.VolunteerId, HalfDay(slot!), user, ct);
        }

        var day = slot!.Date;
        foreach (var coordinator in await users.GetUsersInRoleAsync(Roles.Coordinator))
        {
            await notifier.NotifyAsync(coordinator.Id, "notification.assignment-declined", [mission!.Title, (Func<IStringLocalizer, string>)(_ => day.ToString("d MMMM", System.Globalization.CultureInfo.CurrentCulture))],
                "/reserve/planning?week=" + Planning.PlanningDesk.MondayOf(day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ct);
        }

        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Records the time given on an accepted assignment, once its day has come.</summary>
    public async Task<string?> RecordTimeAsync(Guid id, int minutes, ClaimsPrincipal user, CancellationToken ct)
    {
        var (assignment, _, slot) = await OwnAsync(id, user, ct);
        if (assignment is null || !assignment.IsConfirmed)
        {
            return "my-missions.error.not-confirmed";
        }

        if (slot!.Date > Today)
        {
            return "my-missions.error.not-yet";
        }

        if (minutes is < 1 or > AssignmentOfVolunteer.MaxMinutes)
        {
            return "my-missions.error.hours";
        }

        assignment.RecordTime(minutes);
        await db.SaveChangesAsync(ct);
        return null;
    }

    private async Task<(AssignmentOfVolunteer? Assignment, Mission? Mission, MissionSlot? Slot)> OwnAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var subjectId = await consents.SubjectOfAccountAsync(UserId(user), ct);
        if (!await db.VolunteerAssignments.AnyAsync(a => a.Id == id && a.SubjectId == subjectId, ct))
        {
            return (null, null, null);
        }

        await access.AuthoriseForDataSubjectRightsAsync(subjectId, "reserve.my-assignment", user, ct);
        var assignment = await db.VolunteerAssignments.FirstAsync(a => a.Id == id, ct);
        var mission = await db.Missions.AsNoTracking().Include(m => m.Slots).FirstAsync(m => m.Id == assignment.MissionId, ct);
        return (assignment, mission, mission.Slots.First(s => s.Id == assignment.SlotId));
    }

    /// <summary>An assignment of a volunteer without an account, read for a coordinator through the access service.</summary>
    private async Task<(AssignmentOfVolunteer? Assignment, Mission? Mission, MissionSlot? Slot)> ByPhoneAsync(Guid id, string action, ClaimsPrincipal coordinator, CancellationToken ct)
    {
        var subjectId = await db.VolunteerAssignments.Where(a => a.Id == id && a.UserId == null).Select(a => (Guid?)a.SubjectId).FirstOrDefaultAsync(ct);
        if (subjectId is null
            || !(await access.AuthoriseAsync(new AccessRequest(subjectId.Value, Volunteers.VolunteerDesk.Purpose, action, "assignment/" + id), coordinator, ct)).Allowed)
        {
            return (null, null, null);
        }

        var assignment = await db.VolunteerAssignments.FirstAsync(a => a.Id == id, ct);
        var mission = await db.Missions.AsNoTracking().Include(m => m.Slots).FirstAsync(m => m.Id == assignment.MissionId, ct);
        return (assignment, mission, mission.Slots.First(s => s.Id == assignment.SlotId));
    }

    private static VolunteerHalfDay HalfDay(MissionSlot slot) =>
        new(slot.Date, slot.Period == SlotPeriod.Afternoon ? VolunteerPeriod.Afternoon : VolunteerPeriod.Morning);
}
