using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Modules.Reserve.Notifications;
using Reflexes.Web.Modules.Reserve.Skills;
using Reflexes.Web.Modules.Territory.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Reserve.Missions;

/// <summary>
/// Posting and moderating missions. Partners post for their own organisation; municipal staff for any
/// service; coordinators also write down needs of residents without internet. The coordination unit
/// publishes or returns what is submitted, and switches the territory's crisis mode.
/// </summary>
public sealed class MissionDesk(ReflexesDbContext db, Notifier notifier, UserManager<ReflexesUser> users, SkillCatalogue skills, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static bool IsCoordinator(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Administrator);

    public static bool IsStaff(ClaimsPrincipal user) => Roles.Staff.Any(user.IsInRole);

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>The organisations this person may post for: a partner's own organisation, or every organisation for staff.</summary>
    public async Task<IReadOnlyList<Organisation>> OrganisationsForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (IsStaff(user))
        {
            return await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct);
        }

        var userId = UserId(user);
        var linked = await db.MissionPosters.AsNoTracking().Where(p => p.UserId == userId).Select(p => p.OrganisationId).ToListAsync(ct);
        return await db.Organisations.AsNoTracking().Where(o => linked.Contains(o.Id)).OrderBy(o => o.Name).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Neighbourhood>> NeighbourhoodsAsync(CancellationToken ct) =>
        await db.Neighbourhoods.AsNoTracking().OrderBy(n => n.Name).ToListAsync(ct);

    /// <summary>The centre of a neighbourhood's outline (mean of its vertices), used when the poster gives no coordinates.</summary>
    public static (double Lat, double Lon)? Centre(Neighbourhood neighbourhood)
    {
        if (neighbourhood.OutlineGeoJson is not { } json)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        double lat = 0, lon = 0;
        var count = 0;
        void Walk(JsonElement e)
        {
            if (e.ValueKind != JsonValueKind.Array)
            {
                return;
            }

            if (e.GetArrayLength() >= 2 && e[0].ValueKind == JsonValueKind.Number && e[1].ValueKind == JsonValueKind.Number)
            {
                lon += e[0].GetDouble();
                lat += e[1].GetDouble();
                count++;
                return;
            }

            foreach (var child in e.EnumerateArray())
            {
                Walk(child);
            }
        }

        Walk(document.RootElement.GetProperty("coordinates"));
        return count == 0 ? null : (Math.Round(lat / count, 5), Math.Round(lon / count, 5));
    }

    public async Task<Mission?> FindAsync(Guid id, CancellationToken ct) =>
        await db.Missions.Include(m => m.Slots).FirstOrDefaultAsync(m => m.Id == id, ct);

    /// <summary>Who may see and change a mission: its poster, a partner of its organisation, the coordination unit.</summary>
    public async Task<bool> MayManageAsync(Mission mission, ClaimsPrincipal user, CancellationToken ct)
    {
        if (IsCoordinator(user) || mission.PostedByUserId == UserId(user))
        {
            return true;
        }

        var userId = UserId(user);
        return await db.MissionPosters.AnyAsync(p => p.UserId == userId && p.OrganisationId == mission.OrganisationId, ct);
    }

    /// <summary>Checks what only the desk knows: the organisation is one the person may post for, the source is allowed.</summary>
    public async Task<IReadOnlyList<(string Field, string Key, object[] Arguments)>> CheckAsync(MissionDraft draft, ClaimsPrincipal user, CancellationToken ct)
    {
        var problems = draft.Validate(Today).ToList();
        if (draft.OrganisationId is { } org && (await OrganisationsForAsync(user, ct)).All(o => o.Id != org))
        {
            problems.Add((nameof(MissionDraft.OrganisationId), "mission.error.organisation", []));
        }

        var skills = await SkillLabelsAsync(ct);
        if (draft.Skills.Any(s => !skills.ContainsKey(s)))
        {
            problems.Add((nameof(MissionDraft.Skills), "mission.error.skills", []));
        }

        if (draft.NeighbourhoodId is { } n && !await db.Neighbourhoods.AnyAsync(x => x.Id == n, ct))
        {
            problems.Add((nameof(MissionDraft.NeighbourhoodId), "mission.error.neighbourhood", []));
        }

        if (draft.Source != MissionSource.Organisation && !IsCoordinator(user))
        {
            problems.Add((nameof(MissionDraft.Source), "mission.error.source", []));
        }

        return problems;
    }

    public async Task<Mission> PostAsync(MissionDraft draft, ClaimsPrincipal user, bool submit, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var mission = Mission.Post(draft, UserId(user), now);
        if (submit)
        {
            mission.Submit(now);
        }

        db.Missions.Add(mission);
        await db.SaveChangesAsync(ct);
        return mission;
    }

    public async Task ReviseAsync(Mission mission, MissionDraft draft, bool submit, CancellationToken ct)
    {
        db.MissionSlots.RemoveRange(mission.Slots);
        mission.Revise(draft);
        db.MissionSlots.AddRange(mission.Slots);
        if (submit)
        {
            mission.Submit(clock.GetUtcNow().UtcDateTime);
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task SubmitAsync(Mission mission, CancellationToken ct)
    {
        mission.Submit(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    public async Task PublishAsync(Mission mission, ClaimsPrincipal coordinator, CancellationToken ct)
    {
        mission.Publish(UserId(coordinator), clock.GetUtcNow().UtcDateTime);
        await notifier.NotifyAsync(mission.PostedByUserId, "notification.mission-published", [mission.Title], "/reserve/missions/" + mission.Id, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task ReturnAsync(Mission mission, string reason, ClaimsPrincipal coordinator, CancellationToken ct)
    {
        mission.Return(reason, UserId(coordinator));
        await notifier.NotifyAsync(mission.PostedByUserId, "notification.mission-returned", [mission.Title, mission.Reason!], "/reserve/missions/" + mission.Id, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task CompleteAsync(Mission mission, CancellationToken ct)
    {
        mission.Complete();
        await db.SaveChangesAsync(ct);
    }

    public async Task CancelAsync(Mission mission, string reason, CancellationToken ct)
    {
        mission.Cancel(reason);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Missions the person posted, or their organisation's; every mission for the coordination unit.</summary>
    public async Task<IReadOnlyList<Mission>> ListForAsync(ClaimsPrincipal user, MissionStatus? status, CancellationToken ct)
    {
        var query = db.Missions.AsNoTracking().Include(m => m.Slots).AsQueryable();
        if (!IsCoordinator(user))
        {
            var userId = UserId(user);
            var organisations = await db.MissionPosters.Where(p => p.UserId == userId).Select(p => p.OrganisationId).ToListAsync(ct);
            query = query.Where(m => m.PostedByUserId == userId || organisations.Contains(m.OrganisationId));
        }

        if (status is { } s)
        {
            query = query.Where(m => m.Status == s);
        }

        return await OrderAsync(await query.ToListAsync(ct), ct);
    }

    public async Task<IReadOnlyList<Mission>> ModerationQueueAsync(CancellationToken ct) =>
        await OrderAsync(await db.Missions.AsNoTracking().Include(m => m.Slots).Where(m => m.Status == MissionStatus.Submitted).ToListAsync(ct), ct);

    /// <summary>Soonest first; in crisis mode, essential missions first, then important, then normal.</summary>
    public async Task<IReadOnlyList<Mission>> OrderAsync(IEnumerable<Mission> missions, CancellationToken ct)
    {
        var crisis = await CrisisModeAsync(ct);
        var bySoonest = missions.OrderBy(m => m.Slots.Count == 0 ? DateOnly.MaxValue : m.Slots.Min(s => s.Date)).ThenBy(m => m.Title, StringComparer.CurrentCulture);
        return crisis ? [.. missions.OrderBy(m => m.Priority).ThenBy(m => m.Slots.Count == 0 ? DateOnly.MaxValue : m.Slots.Min(s => s.Date)).ThenBy(m => m.Title, StringComparer.CurrentCulture)] : [.. bySoonest];
    }

    public async Task<bool> CrisisModeAsync(CancellationToken ct) =>
        await db.MissionCrisisModes.AsNoTracking().Where(c => c.Id == MissionCrisisMode.SingletonId).Select(c => c.On).FirstOrDefaultAsync(ct);

    public async Task SwitchCrisisModeAsync(bool on, ClaimsPrincipal coordinator, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var mode = await db.MissionCrisisModes.FirstOrDefaultAsync(c => c.Id == MissionCrisisMode.SingletonId, ct);
        if (mode is null)
        {
            mode = MissionCrisisMode.Initial(now);
            db.MissionCrisisModes.Add(mode);
        }

        mode.Switch(on, UserId(coordinator), now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Tells the coordination unit that a mission waits for moderation.</summary>
    public async Task NotifyCoordinatorsAsync(Mission mission, CancellationToken ct)
    {
        foreach (var coordinator in await users.GetUsersInRoleAsync(Roles.Coordinator))
        {
            await notifier.NotifyAsync(coordinator.Id, "notification.mission-submitted", [mission.Title], "/reserve/moderation", ct);
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyDictionary<Guid, string>> OrganisationNamesAsync(CancellationToken ct) =>
        await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);

    /// <summary>The skills a mission may require (the reserve's managed list), by the id missions store, with their paths in the tree.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SkillLabelsAsync(CancellationToken ct) =>
        (await skills.TreeAsync(ct)).ToDictionary(e => e.Id.ToString(), e => e.Path, StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<Guid, string>> NeighbourhoodNamesAsync(CancellationToken ct) =>
        await db.Neighbourhoods.AsNoTracking().ToDictionaryAsync(n => n.Id, n => n.Name, ct);
}
