using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Modules.Outreach.Referrals;
using Reflexes.Web.Modules.Territory.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Outreach.Orientation;

/// <summary>
/// The orientators' work: the queue of referrals waiting for a receiving service, the service the
/// routing rules propose, the confirmation or override, and the rules themselves.
/// </summary>
public sealed class OrientationDesk(ReflexesDbContext db, ReferralRecords records, TimeProvider clock)
{
    public async Task<ReferralRecords.Listing> QueueAsync(ClaimsPrincipal reader, CancellationToken ct) =>
        await records.ListAsync(r => r.Status == ReferralStatus.Filed, "outreach.orientation-queue", reader, ct);

    /// <summary>Open referrals the escalation job reported late, for the orientator to chase.</summary>
    public async Task<ReferralRecords.Listing> EscalatedAsync(ClaimsPrincipal reader, CancellationToken ct) =>
        await records.ListAsync(
            r => r.Status != ReferralStatus.Closed && (r.AcknowledgementEscalatedAtUtc != null || r.ClosureEscalatedAtUtc != null),
            "outreach.orientation-escalated", reader, ct);

    public async Task<IReadOnlyList<RoutingRule>> RulesAsync(CancellationToken ct) =>
        await db.RoutingRules.AsNoTracking().ToListAsync(ct);

    /// <summary>The service the most specific rule proposes for a referral, if any.</summary>
    public static Guid? Propose(IReadOnlyList<RoutingRule> rules, Referral referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        return RoutingRule.Propose(rules, referral.Category, referral.NeighbourhoodId);
    }

    /// <summary>
    /// Sends a referral to a service: the proposed one (confirmed) or another (overridden). Returns the
    /// message key of the problem, or null when done.
    /// </summary>
    public async Task<string?> RouteAsync(Guid referralId, Guid serviceId, ClaimsPrincipal orientator, CancellationToken ct)
    {
        var (referral, _) = await records.ReadAsync(referralId, "outreach.orientation-route", orientator, ct);
        if (referral is null)
        {
            return "orientation.error.not-found";
        }

        if (!referral.IsOpen)
        {
            return "orientation.error.closed";
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == serviceId && o.Kind != OrganisationKind.LocalGovernment, ct))
        {
            return "orientation.error.service";
        }

        var proposed = Propose(await RulesAsync(ct), referral);
        var userId = orientator.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var now = clock.GetUtcNow().UtcDateTime;
        referral.Assign(serviceId, userId, now);
        db.Add(ReferralEvent.Record(referral, proposed == serviceId ? ReferralEventKind.RouteConfirmed : ReferralEventKind.RouteOverridden, userId, now));
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Adds a rule; returns (field, message key) problems, empty when added.</summary>
    public async Task<IReadOnlyList<(string Field, string Key)>> AddRuleAsync(
        NeedCategory? category, Guid? neighbourhoodId, Guid? serviceId, string userId, CancellationToken ct)
    {
        var problems = new List<(string, string)>();
        if (category is { } c && !Enum.IsDefined(c))
        {
            problems.Add(("Category", "rules.error.category"));
        }

        if (neighbourhoodId is { } n && !await db.Neighbourhoods.AnyAsync(x => x.Id == n, ct))
        {
            problems.Add(("NeighbourhoodId", "rules.error.neighbourhood"));
        }

        if (serviceId is not { } s || !await db.Organisations.AnyAsync(o => o.Id == s && o.Kind != OrganisationKind.LocalGovernment, ct))
        {
            problems.Add(("ServiceId", "rules.error.service"));
        }

        if (problems.Count == 0 && await db.RoutingRules.AnyAsync(r => r.Category == category && r.NeighbourhoodId == neighbourhoodId, ct))
        {
            problems.Add(("Category", "rules.error.duplicate"));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        db.RoutingRules.Add(RoutingRule.Create(category, neighbourhoodId, serviceId!.Value, userId, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return [];
    }

    public async Task RemoveRuleAsync(Guid ruleId, CancellationToken ct) =>
        await db.RoutingRules.Where(r => r.Id == ruleId).ExecuteDeleteAsync(ct);

    public async Task<IReadOnlyDictionary<Guid, string>> NeighbourhoodNamesAsync(CancellationToken ct) =>
        await db.Neighbourhoods.AsNoTracking().ToDictionaryAsync(n => n.Id, n => n.Name, ct);

    /// <summary>Escalates what is late (the background job calls this; see <see cref="ReferralRecords.EscalateOverdueAsync"/>).</summary>
    public Task<int> EscalateAsync(CancellationToken ct) => records.EscalateOverdueAsync(clock.GetUtcNow().UtcDateTime, ct);
}
