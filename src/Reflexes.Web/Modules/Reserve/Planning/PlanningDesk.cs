using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reflexes.Matching.Model;
using Reflexes.Matching.Planning;
using Reflexes.Matching.Reading;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Modules.Reserve.Missions;
using Reflexes.Web.Modules.Reserve.Notifications;
using Reflexes.Web.Modules.Reserve.Volunteers;
using Reflexes.Web.Platform.Data;
using EngineSlot = Reflexes.Matching.Model.Slot;
using EngineVolunteer = Reflexes.Matching.Model.Volunteer;

namespace Reflexes.Web.Modules.Reserve.Planning;

/// <summary>
/// The coordinators' planning of a week: builds the matching instance from the published slots and the volunteer
/// pool, runs the exact engine with accepted assignments fixed and current proposals as the previous plan (so a
/// re-plan changes as few as possible), records the unfilled places with their reasons, lets coordinators remove
/// or add assignments by hand (checked against the engine's rules), and publishes proposals to volunteers.
/// Assignments name volunteers: every read goes through the access service under "civic-reserve-matching".
/// </summary>
public sealed class PlanningDesk(
    ReflexesDbContext db, PersonalDataAccess access, VolunteerPool pool, VolunteerDesk volunteers, MissionDesk missions, Notifier notifier, TimeProvider clock)
{
    public const string Purpose = "civic-reserve-matching";

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Whether the engine plans a slot of a mission of this priority. In crisis mode, normal missions are postponed: they
    /// are not given to the engine, so volunteers' caps and agents' days go to essential and important missions
    /// (docs/adr/0320). A coordinator may still add someone to them by hand.
    /// </summary>
    public static bool Planned(MissionPriority priority, bool crisis) => !crisis || priority != MissionPriority.Normal;

    public async Task<PlanningBoard> BoardAsync(DateOnly monday, ClaimsPrincipal coordinator, CancellationToken ct)
    {
        var (slots, titles) = await WeekSlotsAsync(monday, ct);
        var assignments = await ActiveAndAnsweredAsync([.. slots.Select(s => s.Slot.Id)], coordinator, ct);
        var available = await pool.AvailableAsync(monday, monday.AddDays(6), coordinator, ct);
        var names = (await volunteers.ListAsync(coordinator, ct)).Shown.ToDictionary(d => d.Volunteer.Id, d => d.Volunteer.FullName);
        var shortfalls = (await db.SlotShortfalls.AsNoTracking().Where(s => s.WeekStart == monday).ToListAsync(ct)).ToDictionary(s => s.SlotId);
        var rows = slots.Select(s => new PlanningBoard.Row(s.Mission, s.Slot,
            [.. assignments.Where(a => a.SlotId == s.Slot.Id).OrderBy(a => names.GetValueOrDefault(a.VolunteerId, ""), StringComparer.CurrentCulture)],
            shortfalls.GetValueOrDefault(s.Slot.Id))).ToList();
        var crisis = await missions.CrisisModeAsync(ct);
        var holdings = await HoldingsAsync(monday, available.Volunteers, coordinator, ct);
        var capacities = available.Volunteers.ToDictionary(v => v.VolunteerId, v => WeekCapacity.Of(v, monday, holdings.GetValueOrDefault(v.VolunteerId, [])));
        rows = crisis
            ? [.. rows.OrderBy(r => r.Mission.Priority).ThenBy(r => r.Slot.Date).ThenBy(r => r.Slot.Period)]
            : [.. rows.OrderBy(r => r.Slot.Date).ThenBy(r => r.Slot.Period).ThenBy(r => r.Mission.Priority)];
        return new PlanningBoard(monday, rows, available.Volunteers, available.Hidden, crisis, names, capacities);
    }

    /// <summary>A published assignment of a volunteer without an account: the coordinator calls them and records the answer.</summary>
    public sealed record ToCall(AssignmentOfVolunteer Assignment, Mission Mission, MissionSlot Slot, string Name, string? Phone);

    /// <summary>
    /// The week's published assignments whose volunteer has no account (registered by phone or at a counter): nobody can
    /// tell them but the coordination unit (docs/adr/0327). Soonest first.
    /// </summary>
    public async Task<IReadOnlyList<ToCall>> ToCallAsync(DateOnly monday, ClaimsPrincipal coordinator, CancellationToken ct)
    {
        var (slots, _) = await WeekSlotsAsync(monday, ct);
        var slotById = slots.ToDictionary(s => s.Slot.Id);
        var waiting = (await ActiveAndAnsweredAsync([.. slotById.Keys], coordinator, ct))
            .Where(a => a.Status == AssignmentStatus.Published && a.UserId is null).ToList();
        if (waiting.Count == 0)
        {
            return [];
        }

        var people = (await volunteers.ListAsync(coordinator, "reserve.assignment-to-call", ct)).Shown.ToDictionary(d => d.Volunteer.Id, d => d.Volunteer);
        return [.. waiting.Where(a => people.ContainsKey(a.VolunteerId))
            .Select(a => new ToCall(a, slotById[a.SlotId].Mission, slotById[a.SlotId].Slot, people[a.VolunteerId].FullName, people[a.VolunteerId].Phone))
            .OrderBy(c => c.Slot.Date).ThenBy(c => c.Slot.Period).ThenBy(c => c.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>Runs the engine on the week and applies its plan; returns the engine's errors when the instance cannot be planned.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(DateOnly monday, ClaimsPrincipal coordinator, CancellationToken ct)
    {
        var (weekSlots, _) = await WeekSlotsAsync(monday, ct);
        var slotById = weekSlots.ToDictionary(s => s.Slot.Id);
        var crisis = await missions.CrisisModeAsync(ct);
        var slots = weekSlots.Where(s => Planned(s.Mission.Priority, crisis)).ToList();
        var planned = slots.Select(s => s.Slot.Id).ToHashSet();
        var answered = await ActiveAndAnsweredAsync([.. slotById.Keys], coordinator, ct);
        var active = answered.Where(a => a.IsActive).ToList();
        var declined = answered.Where(a => a.Status == AssignmentStatus.Declined).ToList();
        var available = (await pool.AvailableAsync(monday, monday.AddDays(6), coordinator, ct)).Volunteers.ToDictionary(v => v.VolunteerId);
        var confirmed = active.Where(a => a.IsConfirmed).ToList();

        // Confirmed assignments stay as they are. Those the engine can check (the volunteer is in the pool and still
        // offers the half-day, and the slot is planned) are given to it as fixed inputs; the others simply hold their place and half-day.
        var fixedForEngine = confirmed.Where(a => planned.Contains(a.SlotId) && available.TryGetValue(a.VolunteerId, out var v) && Offers(v, slotById[a.SlotId].Slot)).ToList();
        var heldOutside = confirmed.Except(fixedForEngine).ToList();
        var holdings = await HoldingsAsync(monday, [.. available.Values], coordinator, ct);
        var capacities = available.Values.ToDictionary(v => v.VolunteerId, v => WeekCapacity.Of(v, monday, holdings.GetValueOrDefault(v.VolunteerId, [])));
        var instance = Instance(slots, available.Values, capacities, heldOutside, fixedForEngine, declined, slotById);
        var options = new MatchOptions
        {
            Confirmed = [.. fixedForEngine.Select((a, i) => new ListedPair(new Pair(a.VolunteerId.ToString(), a.SlotId.ToString()), i, 0, 0))],
            ConfirmedInput = "confirmed assignments",
            Previous = [.. active.Where(a => !a.IsConfirmed && planned.Contains(a.SlotId)).Select(a => new Pair(a.VolunteerId.ToString(), a.SlotId.ToString()))],
            TimeProvider = clock,
        };

        Plan plan;
        try
        {
            plan = MatchingEngine.Solve(instance, options, ct).Plan;
        }
        catch (MatchingInputException e)
        {
            return [.. e.Errors.Select(x => x.Message)];
        }

        await ApplyAsync(monday, plan, active, slotById, ct);
        return [];
    }

    private static bool Offers(PoolVolunteer v, MissionSlot slot) =>
        v.HalfDays.Any(h => h.Date == slot.Date && (h.Period == VolunteerPeriod.Afternoon) == (slot.Period == SlotPeriod.Afternoon));

    private static MatchingInstance Instance(
        IReadOnlyList<(Mission Mission, MissionSlot Slot)> slots, IEnumerable<PoolVolunteer> pool, Dictionary<Guid, WeekCapacity> capacities, List<AssignmentOfVolunteer> heldOutside,
        List<AssignmentOfVolunteer> fixedForEngine, List<AssignmentOfVolunteer> declined, Dictionary<Guid, (Mission Mission, MissionSlot Slot)> slotById)
    {
        var engineSlots = new List<EngineSlot>();
        foreach (var (mission, slot) in slots)
        {
            var needed = slot.Needed - heldOutside.Count(a => a.SlotId == slot.Id);
            if (needed > 0)
            {
                engineSlots.Add(new EngineSlot(slot.Id.ToString(), HalfDayOf(slot), mission.Lat, mission.Lon,
                    MissionVocabulary.Split(mission.Skills), MissionVocabulary.Split(mission.Languages), needed, (int)mission.Priority));
            }
        }

        var engineVolunteers = new List<EngineVolunteer>();
        foreach (var v in pool)
        {
            var held = heldOutside.Where(a => a.VolunteerId == v.VolunteerId).Select(a => HalfDayOf(slotById[a.SlotId].Slot)).ToList();
            // Someone who declined a proposal is not offered that half-day again this week.
            var refused = declined.Where(a => a.VolunteerId == v.VolunteerId).Select(a => HalfDayOf(slotById[a.SlotId].Slot)).ToList();
            // The week's capacity is the binding limit of the weekly cap, the monthly cap (less what the volunteer holds in the
            // month's other weeks) and, for an agent, the yearly quota (docs/adr/0321). It counts every half-day held in the week,
            // so the engine gets it less the half-days held outside its sight; a month with no room left offers no half-day.
            var capacity = capacities[v.VolunteerId];
            var fixedHalfDays = fixedForEngine.Where(a => a.VolunteerId == v.VolunteerId).Select(a => HalfDayOf(slotById[a.SlotId].Slot)).ToHashSet();
            var halfDays = v.HalfDays.Select(h => new HalfDay(h.Date, h.Period == VolunteerPeriod.Afternoon))
                .Where(h => !held.Contains(h) && !refused.Contains(h))
                .Where(h => fixedHalfDays.Contains(h) || !capacity.FullMonths.Contains((h.Date.Year, h.Date.Month))).ToList();
            var cap = Math.Max(0, capacity.Total - held.Count);
            engineVolunteers.Add(new EngineVolunteer(v.VolunteerId.ToString(), [.. v.Skills.Select(s => s.ToString())], v.Languages,
                v.Latitude, v.Longitude, v.MaxDistanceKm, halfDays, cap, cap));
        }

        return new MatchingInstance(engineVolunteers, engineSlots);
    }

    private async Task ApplyAsync(
        DateOnly monday, Plan plan, List<AssignmentOfVolunteer> active, Dictionary<Guid, (Mission Mission, MissionSlot Slot)> slotById, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var proposed = plan.Assignments.Where(a => !a.Confirmed)
            .ToDictionary(a => (Guid.Parse(a.Volunteer, CultureInfo.InvariantCulture), Guid.Parse(a.Slot, CultureInfo.InvariantCulture)), a => a.DistanceMeters);
        var activeIds = active.Select(x => x.Id).ToList();
        var tracked = await db.VolunteerAssignments.Where(a => activeIds.Contains(a.Id)).ToListAsync(ct);
        foreach (var a in tracked.Where(a => !a.IsConfirmed))
        {
            if (!proposed.Remove((a.VolunteerId, a.SlotId)))
            {
                var wasPublished = a.Status == AssignmentStatus.Published;
                a.Withdraw();
                if (wasPublished && a.UserId is { } userId)
                {
                    var (mission, slot) = slotById[a.SlotId];
                    await notifier.NotifyAsync(userId, "notification.assignment-withdrawn", [mission.Title, Day(slot)], "/reserve/my-missions", ct);
                }
            }
        }

        var ids = proposed.Keys.Select(k => k.Item1).Distinct().ToList();
        var people = (await db.Volunteers.Where(v => ids.Contains(v.Id)).Select(v => new { v.Id, v.SubjectId, v.UserId }).ToListAsync(ct)).ToDictionary(v => v.Id);
        foreach (var ((volunteerId, slotId), meters) in proposed)
        {
            var person = people[volunteerId];
            db.VolunteerAssignments.Add(AssignmentOfVolunteer.Propose(person.SubjectId, volunteerId, person.UserId, slotById[slotId].Mission.Id, slotId, meters, byHand: false, now));
        }

        db.SlotShortfalls.RemoveRange(await db.SlotShortfalls.Where(s => s.WeekStart == monday).ToListAsync(ct));
        db.SlotShortfalls.AddRange(plan.Unfilled.Select(u => SlotShortfall.Record(Guid.Parse(u.Slot, CultureInfo.InvariantCulture), monday, u.Places, u.Reason.ToString(), now)));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Withdraws one assignment (proposed, published or accepted); the volunteer is told when they had seen it.</summary>
    public async Task<bool> RemoveAsync(Guid assignmentId, ClaimsPrincipal coordinator, CancellationToken ct)
    {
        var a = await AuthorisedAsync(assignmentId, "reserve.assignment-remove", coordinator, ct);
        if (a is null || !a.IsActive)
        {
            return false;
        }

        var seen = a.Status != AssignmentStatus.Proposed;
        a.Withdraw();
        if (seen && a.UserId is { } userId)
        {
            var mission = await db.Missions.AsNoTracking().Include(m => m.Slots).FirstAsync(m => m.Id == a.MissionId, ct);
            await notifier.NotifyAsync(userId, "notification.assignment-withdrawn", [mission.Title, Day(mission.Slots.First(s => s.Id == a.SlotId))], "/reserve/my-missions", ct);
        }

        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Adds a volunteer to a slot by hand after checking the engine's rules; returns the broken rules (nothing is added then).</summary>
    public async Task<IReadOnlyList<string>> AddAsync(Guid slotId, Guid volunteerId, ClaimsPrincipal coordinator, CancellationToken ct)
    {
        var slot = await db.MissionSlots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == slotId, ct);
        var mission = slot is null ? null : await db.Missions.AsNoTracking().FirstOrDefaultAsync(m => m.Id == slot.MissionId && m.Status == MissionStatus.Published, ct);
        if (slot is null || mission is null || slot.Date < Today)
        {
            return ["planning.error.slot"];
        }

        var monday = MondayOf(slot.Date);
        var volunteer = (await pool.AvailableAsync(monday, monday.AddDays(6), coordinator, ct)).Volunteers.FirstOrDefault(v => v.VolunteerId == volunteerId);
        if (volunteer is null)
        {
            return ["planning.error.not-in-pool"];
        }

        var weekSlots = await db.MissionSlots.AsNoTracking().Where(s => s.Date >= monday && s.Date <= monday.AddDays(6)).ToDictionaryAsync(s => s.Id, ct);
        var weekIds = weekSlots.Keys.ToList();
        var active = (await ActiveAndAnsweredAsync(weekIds, coordinator, ct)).Where(a => a.IsActive).ToList();
        var held = active.Where(a => a.VolunteerId == volunteerId).Select(a => HalfDayOf(weekSlots[a.SlotId])).ToList();
        var holdings = await HoldingsAsync(monday, [volunteer], coordinator, ct);
        var capacity = WeekCapacity.Of(volunteer, monday, holdings.GetValueOrDefault(volunteerId, []));
        var capped = volunteer with
        {
            MaxPerWeek = capacity.Limit == CapacityLimit.Week ? capacity.Total : volunteer.MaxPerWeek,
            MaxTotal = capacity.Total,
        };
        var problems = AssignmentFeasibility.Problems(capped, mission, slot, held, active.Count(a => a.SlotId == slotId));
        if (problems.Count > 0)
        {
            return problems;
        }

        var person = await db.Volunteers.Where(v => v.Id == volunteerId).Select(v => new { v.SubjectId, v.UserId }).SingleAsync(ct);
        var meters = Geo.RoundedMeters(Geo.DistanceMeters(volunteer.Latitude, volunteer.Longitude, mission.Lat, mission.Lon));
        db.VolunteerAssignments.Add(AssignmentOfVolunteer.Propose(person.SubjectId, volunteerId, person.UserId, mission.Id, slotId, meters, byHand: true, clock.GetUtcNow().UtcDateTime));
        var shortfall = await db.SlotShortfalls.FirstOrDefaultAsync(s => s.SlotId == slotId, ct);
        if (shortfall is not null)
        {
            db.SlotShortfalls.Remove(shortfall);
        }

        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Publishes the week's proposals: each volunteer with an account is notified (in the app and by e-mail).</summary>
    public async Task<int> PublishAsync(DateOnly monday, ClaimsPrincipal coordinator, CancellationToken ct)
    {
        var (slots, _) = await WeekSlotsAsync(monday, ct);
        var slotById = slots.ToDictionary(s => s.Slot.Id);
        var ids = (await ActiveAndAnsweredAsync([.. slotById.Keys], coordinator, ct)).Where(a => a.Status == AssignmentStatus.Proposed).Select(a => a.Id).ToList();
        var proposals = await db.VolunteerAssignments.Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var a in proposals)
        {
            a.Publish(now);
            if (a.UserId is { } userId)
            {
                var (mission, slot) = slotById[a.SlotId];
                await notifier.NotifyAsync(userId, "notification.assignment-proposed", [mission.Title, Day(slot)], "/reserve/my-missions", ct);
            }
        }

        await db.SaveChangesAsync(ct);
        return proposals.Count;
    }

    /// <summary>
    /// The half-days each of these volunteers holds (active assignments) from the first of January of the week's year to the
    /// end of its last year: what the monthly cap and the yearly quota are measured against.
    /// </summary>
    private async Task<Dictionary<Guid, List<WeekCapacity.Holding>>> HoldingsAsync(DateOnly monday, IReadOnlyList<PoolVolunteer> volunteers, ClaimsPrincipal reader, CancellationToken ct)
    {
        var ids = volunteers.Select(v => v.VolunteerId).ToList();
        var from = new DateOnly(monday.Year, 1, 1);
        var to = new DateOnly(monday.AddDays(6).Year, 12, 31);
        var active = db.VolunteerAssignments.Where(a => ids.Contains(a.VolunteerId)
            && (a.Status == AssignmentStatus.Proposed || a.Status == AssignmentStatus.Published || a.Status == AssignmentStatus.Accepted));
        var subjects = await active.Select(a => a.SubjectId).Distinct().ToListAsync(ct);
        if (subjects.Count == 0)
        {
            return [];
        }

        var allowed = await access.FilterAsync(subjects, Purpose, "reserve.planning-capacity", reader, ct);
        var rows = await active.AsNoTracking().Where(a => allowed.Contains(a.SubjectId))
            .Join(db.MissionSlots.Where(s => s.Date >= from && s.Date <= to), a => a.SlotId, s => s.Id, (a, s) => new { a.VolunteerId, a.Status, s.Date, s.Period })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.VolunteerId).ToDictionary(
            g => g.Key, g => g.Select(r => new WeekCapacity.Holding(r.Date, r.Period == SlotPeriod.Afternoon, r.Status == AssignmentStatus.Accepted)).ToList());
    }

    private async Task<AssignmentOfVolunteer?> AuthorisedAsync(Guid assignmentId, string action, ClaimsPrincipal reader, CancellationToken ct)
    {
        var subjectId = await db.VolunteerAssignments.Where(a => a.Id == assignmentId).Select(a => (Guid?)a.SubjectId).FirstOrDefaultAsync(ct);
        if (subjectId is null)
        {
            return null;
        }

        var decision = await access.AuthoriseAsync(new AccessRequest(subjectId.Value, Purpose, action, "assignment/" + assignmentId), reader, ct);
        return decision.Allowed ? await db.VolunteerAssignments.FirstAsync(a => a.Id == assignmentId, ct) : null;
    }

    /// <summary>Assignments of these slots, not withdrawn, whose volunteers' data may be used (each decision journaled).</summary>
    private async Task<List<AssignmentOfVolunteer>> ActiveAndAnsweredAsync(List<Guid> slotIds, ClaimsPrincipal reader, CancellationToken ct)
    {
        var subjects = await db.VolunteerAssignments.Where(a => slotIds.Contains(a.SlotId) && a.Status != AssignmentStatus.Withdrawn)
            .Select(a => a.SubjectId).Distinct().ToListAsync(ct);
        if (subjects.Count == 0)
        {
            return [];
        }

        var allowed = await access.FilterAsync(subjects, Purpose, "reserve.planning-board", reader, ct);
        return await db.VolunteerAssignments.AsNoTracking()
            .Where(a => slotIds.Contains(a.SlotId) && a.Status != AssignmentStatus.Withdrawn && allowed.Contains(a.SubjectId)).ToListAsync(ct);
    }

    private async Task<(IReadOnlyList<(Mission Mission, MissionSlot Slot)> Slots, IReadOnlyDictionary<Guid, string> Titles)> WeekSlotsAsync(DateOnly monday, CancellationToken ct)
    {
        var sunday = monday.AddDays(6);
        var today = Today;
        var published = await db.Missions.AsNoTracking().Include(m => m.Slots)
            .Where(m => m.Status == MissionStatus.Published && m.Slots.Any(s => s.Date >= monday && s.Date <= sunday && s.Date >= today))
            .ToListAsync(ct);
        var slots = published.SelectMany(m => m.Slots.Where(s => s.Date >= monday && s.Date <= sunday && s.Date >= today).Select(s => (m, s)))
            .OrderBy(x => x.s.Date).ThenBy(x => x.s.Period).ToList();
        return (slots, published.ToDictionary(m => m.Id, m => m.Title));
    }

    private static HalfDay HalfDayOf(MissionSlot slot) => new(slot.Date, slot.Period == SlotPeriod.Afternoon);

    /// <summary>The slot's day and half-day, rendered in the culture of whoever reads it (see <see cref="Notifier"/>).</summary>
    internal static Func<IStringLocalizer, string> Day(MissionSlot slot) => l =>
        slot.Date.ToString("dddd d MMMM", CultureInfo.CurrentCulture) + " (" + l["mission.period." + slot.Period].Value + ")";
}
