using System.Security.Claims;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Reserve.Agents;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Modules.Reserve.Skills;

namespace Reflexes.Web.Modules.Reserve.Volunteers;

/// <summary>
/// What the planning board plans with: for a date range, every volunteer whose data may be used for
/// matching (filtered person by person through PersonalDataAccess under "civic-reserve-matching", each
/// decision audited), with their concrete available half-days and caps. Volunteers with no available
/// half-day or no capacity left in the range are left out.
/// </summary>
public sealed class VolunteerPool(VolunteerDesk desk, ReassignmentDesk reassignments, SkillCatalogue skills, PersonalDataAccess access)
{
    public async Task<VolunteerPoolResult> AvailableAsync(DateOnly from, DateOnly to, ClaimsPrincipal reader, CancellationToken ct)
    {
        VolunteerAvailability.CheckRange(from, to);
        var candidates = await desk.ActiveSubjectsAsync(ct);
        var allowed = await access.FilterAsync(candidates, VolunteerDesk.Purpose, "reserve.volunteer-pool", reader, ct);
        var members = await desk.LoadManyAsync(allowed, ct);
        var parents = await skills.ParentsAsync(ct);
        var agents = await reassignments.AgentWindowsAsync(members.Where(m => m.Volunteer.Kind == VolunteerKind.Agent).Select(m => m.Volunteer.Id).ToList(), from, to, ct);

        var pool = new List<PoolVolunteer>();
        foreach (var m in members.OrderBy(m => m.Volunteer.Id))
        {
            var v = m.Volunteer;
            Func<DateOnly, bool>? dayAllowed = null;
            var remaining = int.MaxValue;
            if (v.Kind == VolunteerKind.Agent)
            {
                if (!agents.TryGetValue(v.Id, out var window))
                {
                    continue;
                }

                dayAllowed = window.Covers;
                remaining = window.RemainingHalfDays;
            }

            var halfDays = VolunteerAvailability.Expand(
                v.Pattern, v.Never, m.Exceptions.Select(e => new VolunteerExceptionDay(e.HalfDay, e.Available)), from, to, dayAllowed);
            var total = Math.Min(VolunteerAvailability.TotalCap(halfDays, v.MaxHalfDaysPerMonth), remaining);
            if (halfDays.Count == 0 || total <= 0)
            {
                continue;
            }

            var held = m.MainSkills.ToList();
            pool.Add(new PoolVolunteer(
                v.Id, v.Kind, v.FullName, v.NeighbourhoodId, held,
                [.. SkillCatalogue.WithAncestors(held, parents).Order()],
                [.. m.SecondarySkills],
                v.LanguageList, v.Latitude, v.Longitude, v.MaxDistanceKm, halfDays, v.MaxHalfDaysPerWeek, v.MaxHalfDaysPerMonth, total,
                v.Kind == VolunteerKind.Agent ? remaining : null));
        }

        return new VolunteerPoolResult(pool, candidates.Count - allowed.Count);
    }
}
