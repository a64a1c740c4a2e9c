using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Modules.Reserve.Volunteers;
using Reflexes.Web.Modules.Territory.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Reserve.Agents;

/// <summary>
/// Agents in the reserve: yearly quotas of volunteer days per organisation, reassignment periods
/// (requested by the agent, decided by their home manager, given a mentor by the host), and the
/// confirmed half-days that consume the quota. Reads of an agent's rows go through PersonalDataAccess
/// under "civic-reserve-matching", like every volunteer's.
/// </summary>
public sealed class ReassignmentDesk(ReflexesDbContext db, PersonalDataAccess access, VolunteerDesk volunteers, StaffDirectoryLink directory, TimeProvider clock)
{
    /// <summary>An agent's volunteer-day balance for a year, in half-days (a day is two half-days).</summary>
    public sealed record Balance(int Year, int QuotaDays, int UsedHalfDays)
    {
        public int RemainingHalfDays => Math.Max(0, (QuotaDays * 2) - UsedHalfDays);

        public decimal UsedDays => UsedHalfDays / 2m;

        public decimal RemainingDays => RemainingHalfDays / 2m;
    }

    /// <summary>When an agent can be planned in a range: inside an approved reassignment, within what remains of the quota.</summary>
    public sealed record AgentWindow(IReadOnlyList<(DateOnly Start, DateOnly End)> Periods, int RemainingHalfDays)
    {
        public bool Covers(DateOnly day) => Periods.Any(p => day >= p.Start && day <= p.End);
    }

    /// <summary>A reassignment with the names the pages show.</summary>
    public sealed record ReassignmentView(Reassignment Reassignment, string AgentName, string HostName);

    /// <summary>An agent's personal reassignment plan: periods, half-days given and skills used, and the balance.</summary>
    public sealed record Plan(VolunteerDesk.Details Member, Agent? Entry, IReadOnlyList<ReassignmentView> Periods, IReadOnlyList<ReassignmentHalfDay> HalfDays, Balance Balance);

    // ---- Quotas -------------------------------------------------------------------------------------

    public async Task<IReadOnlyList<ReassignmentQuota>> QuotasAsync(int year, CancellationToken ct) =>
        await db.ReassignmentQuotas.AsNoTracking().Where(q => q.Year == year).ToListAsync(ct);

    /// <summary>Sets the days each agent of the organisation may give in the year; an error key tied to a field, or null.</summary>
    public async Task<(string Field, string Key)?> SetQuotaAsync(Guid organisationId, int year, int days, string userId, CancellationToken ct)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, ct))
        {
            return ("OrganisationId", "quota.error.organisation");
        }

        if (year < 2000 || year > 2100)
        {
            return ("Year", "quota.error.year");
        }

        if (days < 0 || days > ReassignmentQuota.MaxDays)
        {
            return ("Days", "quota.error.days");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var quota = await db.ReassignmentQuotas.FirstOrDefaultAsync(q => q.OrganisationId == organisationId && q.Year == year, ct);
        if (quota is null)
        {
            db.ReassignmentQuotas.Add(ReassignmentQuota.Create(organisationId, year, days, userId, now));
        }
        else
        {
            quota.Set(days, userId, now);
        }

        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>The quota of the agent's service, or of the nearest organisation above it that has one; 0 when none has.</summary>
    public static int QuotaFor(Guid serviceId, int year, IReadOnlyDictionary<Guid, Guid?> parents, IReadOnlyCollection<ReassignmentQuota> quotas)
    {
        var byOrganisation = quotas.Where(q => q.Year == year).ToDictionary(q => q.OrganisationId, q => q.DaysPerAgent);
        Guid? current = serviceId;
        var seen = new HashSet<Guid>();
        while (current is { } c && seen.Add(c))
        {
            if (byOrganisation.TryGetValue(c, out var days))
            {
                return days;
            }

            current = parents.TryGetValue(c, out var parent) ? parent : null;
        }

        return 0;
    }

    // ---- Balance and consumption (the missions side calls these) --------------------------------------

    /// <summary>An agent volunteer's balance for the year; null when the volunteer is unknown, not an agent, or cannot be read.</summary>
    public async Task<Balance?> BalanceAsync(Guid volunteerId, int year, ClaimsPrincipal reader, CancellationToken ct)
    {
        var (details, _) = await volunteers.GetAsync(volunteerId, "reserve.agent-balance", reader, ct);
        if (details is null || details.Volunteer is not { Kind: VolunteerKind.Agent, AgentId: { } agentId })
        {
            return null;
        }

        return await BalanceOfAsync(details.Volunteer.Id, agentId, year, ct);
    }

    /// <summary>
    /// Records that an agent gave a confirmed half-day (the missions side calls this when a volunteer
    /// accepts or is confirmed on a slot). Idempotent for the same half-day. Residents have no quota:
    /// the call returns <see cref="ConsumptionOutcome.NotAnAgent"/> and records nothing.
    /// </summary>
    public async Task<ConsumptionOutcome> RecordConfirmedHalfDayAsync(
        Guid volunteerId, VolunteerHalfDay halfDay, string missionRef, IReadOnlyCollection<Guid> skillIds, ClaimsPrincipal recorder, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(missionRef);
        var (details, _) = await volunteers.GetAsync(volunteerId, "reserve.agent-consume", recorder, ct);
        if (details is null)
        {
            return ConsumptionOutcome.NotAllowed;
        }

        if (details.Volunteer is not { Kind: VolunteerKind.Agent, AgentId: { } agentId })
        {
            return ConsumptionOutcome.NotAnAgent;
        }

        if (await db.ReassignmentHalfDays.AnyAsync(h => h.VolunteerId == volunteerId && h.Date == halfDay.Date && h.Period == halfDay.Period, ct))
        {
            return ConsumptionOutcome.AlreadyRecorded;
        }

        var reassignment = (await db.Reassignments.Where(r => r.VolunteerId == volunteerId && r.Status == ReassignmentStatus.Approved).ToListAsync(ct))
            .FirstOrDefault(r => r.Covers(halfDay.Date));
        if (reassignment is null)
        {
            return ConsumptionOutcome.NoApprovedReassignment;
        }

        var balance = await BalanceOfAsync(volunteerId, agentId, halfDay.Date.Year, ct);
        if (balance.RemainingHalfDays <= 0)
        {
            return ConsumptionOutcome.QuotaExhausted;
        }

        db.ReassignmentHalfDays.Add(ReassignmentHalfDay.Record(
            reassignment, halfDay, missionRef, skillIds, recorder.FindFirstValue(ClaimTypes.NameIdentifier)!, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return ConsumptionOutcome.Recorded;
    }

    /// <summary>Gives a half-day back to the quota (a confirmed half-day was cancelled); false when there was none.</summary>
    public async Task<bool> ReleaseHalfDayAsync(Guid volunteerId, VolunteerHalfDay halfDay, ClaimsPrincipal recorder, CancellationToken ct)
    {
        var (details, _) = await volunteers.GetAsync(volunteerId, "reserve.agent-release", recorder, ct);
        if (details is null)
        {
            return false;
        }

        var row = await db.ReassignmentHalfDays.FirstOrDefaultAsync(h => h.VolunteerId == volunteerId && h.Date == halfDay.Date && h.Period == halfDay.Period, ct);
        if (row is null)
        {
            return false;
        }

        db.ReassignmentHalfDays.Remove(row);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>For the pool: each agent's approved periods in the range and remaining half-days (agents the access service already allowed).</summary>
    internal async Task<IReadOnlyDictionary<Guid, AgentWindow>> AgentWindowsAsync(IReadOnlyList<Guid> agentVolunteerIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var approved = await db.Reassignments.AsNoTracking()
            .Where(r => agentVolunteerIds.Contains(r.VolunteerId) && r.Status == ReassignmentStatus.Approved && r.StartDate <= to && r.PlannedEndDate >= from)
            .ToListAsync(ct);
        var quotas = await db.ReassignmentQuotas.AsNoTracking().Where(q => q.Year >= from.Year && q.Year <= to.Year).ToListAsync(ct);
        var parents = await directory.OrganisationParentsAsync(ct);
        var entries = await directory.AgentsAsync([.. approved.Select(r => r.AgentId).Distinct()], ct);
        var used = await UsedHalfDaysAsync(agentVolunteerIds, from.Year, to.Year, ct);
        var result = new Dictionary<Guid, AgentWindow>();
        foreach (var group in approved.GroupBy(r => r.VolunteerId))
        {
            var agentId = group.First().AgentId;
            if (!entries.TryGetValue(agentId, out var entry))
            {
                continue;
            }

            var remaining = 0;
            for (var year = from.Year; year <= to.Year; year++)
            {
                var balance = new Balance(year, QuotaFor(entry.ServiceId, year, parents, quotas), used.GetValueOrDefault((group.Key, year)));
                remaining += balance.RemainingHalfDays;
            }

            result[group.Key] = new AgentWindow([.. group.Select(r => (r.StartDate, r.EndedOn is { } e && e < r.PlannedEndDate ? e : r.PlannedEndDate))], remaining);
        }

        return result;
    }

    // ---- Reassignments ------------------------------------------------------------------------------

    /// <summary>The signed-in agent asks for a reassignment period; errors tied to fields, or the new request.</summary>
    public async Task<(Reassignment? Created, IReadOnlyList<(string Field, string Key)> Errors)> RequestAsync(
        ClaimsPrincipal agentUser, Guid hostOrganisationId, string? description, DateOnly? start, DateOnly? plannedEnd, DateOnly? plannedReturn, CancellationToken ct)
    {
        var errors = new List<(string Field, string Key)>();
        var entry = await directory.EntryOfAsync(agentUser, ct);
        var mine = await volunteers.MineAsync(agentUser, ct);
        if (entry is null || mine is null || mine.Volunteer.Kind != VolunteerKind.Agent)
        {
            errors.Add(("HostOrganisationId", "reassignment.error.not-agent"));
            return (null, errors);
        }

        if (entry.ManagerId is not { } managerId)
        {
            errors.Add(("HostOrganisationId", "reassignment.error.no-manager"));
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == hostOrganisationId, ct))
        {
            errors.Add(("HostOrganisationId", "reassignment.error.host"));
        }

        if (start is null)
        {
            errors.Add(("StartDate", "reassignment.error.date"));
        }

        if (plannedEnd is null)
        {
            errors.Add(("PlannedEndDate", "reassignment.error.date"));
        }

        if (plannedReturn is null)
        {
            errors.Add(("PlannedReturnDate", "reassignment.error.date"));
        }

        if (start is { } s && plannedEnd is { } e && plannedReturn is { } r)
        {
            errors.AddRange(Reassignment.Validate(description, s, e, r, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
        }
        else if (string.IsNullOrWhiteSpace(description) || description.Trim().Length > Reassignment.DescriptionMaxLength)
        {
            errors.Add(("Description", "reassignment.error.description"));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var reassignment = Reassignment.Request(
            mine.Volunteer, entry.Id, entry.ManagerId!.Value, hostOrganisationId, description!, start!.Value, plannedEnd!.Value, plannedReturn!.Value,
            agentUser.FindFirstValue(ClaimTypes.NameIdentifier)!, clock.GetUtcNow().UtcDateTime);
        db.Reassignments.Add(reassignment);
        await db.SaveChangesAsync(ct);
        return (reassignment, errors);
    }

    /// <summary>The requests waiting for the signed-in manager (the staff directory names them the agents' manager).</summary>
    public async Task<IReadOnlyList<ReassignmentView>> QueueAsync(ClaimsPrincipal manager, CancellationToken ct)
    {
        var entry = await directory.EntryOfAsync(manager, ct);
        if (entry is null)
        {
            return [];
        }

        var subjects = await db.Reassignments.Where(r => r.ManagerAgentId == entry.Id && r.Status == ReassignmentStatus.Requested)
            .Select(r => r.SubjectId).Distinct().ToListAsync(ct);
        var allowed = await access.FilterAsync(subjects, VolunteerDesk.Purpose, "reserve.reassignment-queue", manager, ct);
        var rows = await db.Reassignments.AsNoTracking()
            .Where(r => r.ManagerAgentId == entry.Id && r.Status == ReassignmentStatus.Requested && allowed.Contains(r.SubjectId))
            .ToListAsync(ct);
        return await ViewsAsync([.. rows.OrderBy(r => r.StartDate)], ct);
    }

    /// <summary>The home manager approves or refuses; false when the request is not theirs to decide or no longer waiting.</summary>
    public async Task<bool> DecideAsync(Guid id, bool approve, string? note, ClaimsPrincipal manager, CancellationToken ct)
    {
        var entry = await directory.EntryOfAsync(manager, ct);
        var reassignment = await ReadAsync(id, "reserve.reassignment-decide", manager, ct);
        if (entry is null || reassignment is null || reassignment.ManagerAgentId != entry.Id || reassignment.Status != ReassignmentStatus.Requested)
        {
            return false;
        }

        reassignment.Decide(approve, note, manager.FindFirstValue(ClaimTypes.NameIdentifier)!, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Every reassignment whose agent may be read, for the coordination unit (which records the host's mentor).</summary>
    public async Task<IReadOnlyList<ReassignmentView>> AllAsync(ClaimsPrincipal coordinator, CancellationToken ct)
    {
        var subjects = await db.Reassignments.Select(r => r.SubjectId).Distinct().ToListAsync(ct);
        var allowed = await access.FilterAsync(subjects, VolunteerDesk.Purpose, "reserve.reassignment-list", coordinator, ct);
        var rows = await db.Reassignments.AsNoTracking().Where(r => allowed.Contains(r.SubjectId)).ToListAsync(ct);
        return await ViewsAsync([.. rows.OrderByDescending(r => r.StartDate)], ct);
    }

    /// <summary>
    /// The reassignments hosted by the organisations the signed-in member belongs to (partner accounts linked to an
    /// organisation, docs/adr/0315), still requested or approved, whose agent may be read: the host's own list, where it
    /// names the technical mentor (docs/adr/0325).
    /// </summary>
    public async Task<IReadOnlyList<ReassignmentView>> HostedAsync(ClaimsPrincipal member, CancellationToken ct)
    {
        var organisations = await MemberOrganisationsAsync(member, ct);
        var subjects = await db.Reassignments
            .Where(r => organisations.Contains(r.HostOrganisationId) && (r.Status == ReassignmentStatus.Requested || r.Status == ReassignmentStatus.Approved))
            .Select(r => r.SubjectId).Distinct().ToListAsync(ct);
        if (subjects.Count == 0)
        {
            return [];
        }

        var allowed = await access.FilterAsync(subjects, VolunteerDesk.Purpose, "reserve.reassignment-hosted", member, ct);
        var rows = await db.Reassignments.AsNoTracking()
            .Where(r => organisations.Contains(r.HostOrganisationId) && allowed.Contains(r.SubjectId)
                && (r.Status == ReassignmentStatus.Requested || r.Status == ReassignmentStatus.Approved))
            .ToListAsync(ct);
        return await ViewsAsync([.. rows.OrderBy(r => r.StartDate)], ct);
    }

    /// <summary>
    /// A member of the host organisation names the mentor; false when the reassignment is not hosted by one of the member's
    /// organisations (checked before anything about the agent is read), is refused or cancelled, or the name is blank.
    /// </summary>
    public async Task<bool> NameMentorAsHostAsync(Guid id, string? mentor, ClaimsPrincipal member, CancellationToken ct)
    {
        var host = await db.Reassignments.Where(r => r.Id == id).Select(r => (Guid?)r.HostOrganisationId).FirstOrDefaultAsync(ct);
        if (host is null || !(await MemberOrganisationsAsync(member, ct)).Contains(host.Value))
        {
            return false;
        }

        return await NameMentorAsync(id, mentor, member, ct);
    }

    private async Task<List<Guid>> MemberOrganisationsAsync(ClaimsPrincipal member, CancellationToken ct)
    {
        var userId = member.FindFirstValue(ClaimTypes.NameIdentifier);
        return userId is null ? [] : await db.MissionPosters.Where(p => p.UserId == userId).Select(p => p.OrganisationId).ToListAsync(ct);
    }

    /// <summary>The host service names the technical mentor (recorded by the coordination unit); false when it cannot.</summary>
    public async Task<bool> NameMentorAsync(Guid id, string? mentor, ClaimsPrincipal coordinator, CancellationToken ct)
    {
        var reassignment = await ReadAsync(id, "reserve.reassignment-mentor", coordinator, ct);
        if (reassignment is null || string.IsNullOrWhiteSpace(mentor) || reassignment.Status is ReassignmentStatus.Refused or ReassignmentStatus.Cancelled)
        {
            return false;
        }

        reassignment.NameMentor(mentor, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The agent is back in their home service.</summary>
    public async Task<bool> EndAsync(Guid id, DateOnly on, ClaimsPrincipal coordinator, CancellationToken ct)
    {
        var reassignment = await ReadAsync(id, "reserve.reassignment-end", coordinator, ct);
        if (reassignment is null || reassignment.Status != ReassignmentStatus.Approved || on < reassignment.StartDate)
        {
            return false;
        }

        reassignment.End(on);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The agent cancels a request still waiting for the manager.</summary>
    public async Task<bool> CancelAsync(Guid id, ClaimsPrincipal agentUser, CancellationToken ct)
    {
        var mine = await volunteers.MineAsync(agentUser, ct);
        var reassignment = await ReadAsync(id, "reserve.reassignment-cancel", agentUser, ct);
        if (mine is null || reassignment is null || reassignment.VolunteerId != mine.Volunteer.Id || reassignment.Status != ReassignmentStatus.Requested)
        {
            return false;
        }

        reassignment.Cancel();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The signed-in agent's personal reassignment plan; null when they are not an agent in the reserve.</summary>
    public async Task<Plan?> PlanAsync(ClaimsPrincipal agentUser, CancellationToken ct)
    {
        var mine = await volunteers.MineAsync(agentUser, ct);
        if (mine is null || mine.Volunteer is not { Kind: VolunteerKind.Agent, AgentId: { } agentId })
        {
            return null;
        }

        var entries = await directory.AgentsAsync([agentId], ct);
        var rows = await db.Reassignments.AsNoTracking().Where(r => r.VolunteerId == mine.Volunteer.Id).ToListAsync(ct);
        var halfDays = await db.ReassignmentHalfDays.AsNoTracking().Where(h => h.VolunteerId == mine.Volunteer.Id).ToListAsync(ct);
        var year = clock.GetUtcNow().UtcDateTime.Year;
        return new Plan(
            mine, entries.GetValueOrDefault(agentId), await ViewsAsync([.. rows.OrderByDescending(r => r.StartDate)], ct),
            [.. halfDays.OrderByDescending(h => h.HalfDay)], await BalanceOfAsync(mine.Volunteer.Id, agentId, year, ct));
    }

    internal async Task<IReadOnlyList<Reassignment>> OfVolunteerAsync(Guid volunteerId, CancellationToken ct) =>
        await db.Reassignments.AsNoTracking().Where(r => r.VolunteerId == volunteerId).ToListAsync(ct);

    internal async Task<IReadOnlyList<ReassignmentHalfDay>> HalfDaysOfVolunteerAsync(Guid volunteerId, CancellationToken ct) =>
        await db.ReassignmentHalfDays.AsNoTracking().Where(h => h.VolunteerId == volunteerId).ToListAsync(ct);

    /// <summary>Erases an agent's reassignments and half-days (rights handling, subject already allowed); how many rows went.</summary>
    internal async Task<int> EraseOfVolunteerAsync(Guid volunteerId, CancellationToken ct)
    {
        var halfDays = await db.ReassignmentHalfDays.Where(h => h.VolunteerId == volunteerId).ToListAsync(ct);
        var periods = await db.Reassignments.Where(r => r.VolunteerId == volunteerId).ToListAsync(ct);
        db.ReassignmentHalfDays.RemoveRange(halfDays);
        db.Reassignments.RemoveRange(periods);
        await db.SaveChangesAsync(ct);
        return halfDays.Count + periods.Count;
    }

    private async Task<Balance> BalanceOfAsync(Guid volunteerId, Guid agentId, int year, CancellationToken ct)
    {
        var entry = (await directory.AgentsAsync([agentId], ct)).GetValueOrDefault(agentId);
        var quotas = await db.ReassignmentQuotas.AsNoTracking().Where(q => q.Year == year).ToListAsync(ct);
        var quota = entry is null ? 0 : QuotaFor(entry.ServiceId, year, await directory.OrganisationParentsAsync(ct), quotas);
        var used = await UsedHalfDaysAsync([volunteerId], year, year, ct);
        return new Balance(year, quota, used.GetValueOrDefault((volunteerId, year)));
    }

    private async Task<Dictionary<(Guid Volunteer, int Year), int>> UsedHalfDaysAsync(IReadOnlyCollection<Guid> volunteerIds, int fromYear, int toYear, CancellationToken ct)
    {
        var ids = volunteerIds.ToList();
        var first = new DateOnly(fromYear, 1, 1);
        var last = new DateOnly(toYear, 12, 31);
        var rows = await db.ReassignmentHalfDays.Where(h => ids.Contains(h.VolunteerId) && h.Date >= first && h.Date <= last)
            .Select(h => new { h.VolunteerId, h.Date }).ToListAsync(ct);
        return rows.GroupBy(r => (r.VolunteerId, r.Date.Year)).ToDictionary(g => g.Key, g => g.Count());
    }

    private async Task<Reassignment?> ReadAsync(Guid id, string action, ClaimsPrincipal reader, CancellationToken ct)
    {
        var subjectId = await db.Reassignments.Where(r => r.Id == id).Select(r => (Guid?)r.SubjectId).FirstOrDefaultAsync(ct);
        if (subjectId is null)
        {
            return null;
        }

        var decision = await access.AuthoriseAsync(new AccessRequest(subjectId.Value, VolunteerDesk.Purpose, action, "reassignment/" + id), reader, ct);
        return decision.Allowed ? await db.Reassignments.FirstAsync(r => r.Id == id, ct) : null;
    }

    private async Task<IReadOnlyList<ReassignmentView>> ViewsAsync(IReadOnlyList<Reassignment> rows, CancellationToken ct)
    {
        var agents = await directory.AgentsAsync([.. rows.Select(r => r.AgentId).Distinct()], ct);
        var hosts = rows.Select(r => r.HostOrganisationId).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => hosts.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return [.. rows.Select(r => new ReassignmentView(r, agents.TryGetValue(r.AgentId, out var a) ? a.FullName : "—", names.GetValueOrDefault(r.HostOrganisationId, "—")))];
    }
}

/// <summary>What recording a confirmed half-day did.</summary>
public enum ConsumptionOutcome
{
    /// <summary>The half-day now counts against the agent's yearly quota.</summary>
    Recorded,

    /// <summary>It was already recorded (the call is idempotent).</summary>
    AlreadyRecorded,

    /// <summary>The volunteer is a resident: there is no quota to consume.</summary>
    NotAnAgent,

    /// <summary>No approved reassignment covers that day: the agent cannot give it on working time.</summary>
    NoApprovedReassignment,

    /// <summary>The agent's quota for the year is used up.</summary>
    QuotaExhausted,

    /// <summary>The volunteer is unknown or their data may not be used (left the reserve, consent withdrawn).</summary>
    NotAllowed,
}
