namespace Reflexes.Web.Modules.Outreach.Domain;

/// <summary>
/// Need category × neighbourhood → receiving service. An empty category or neighbourhood matches any;
/// the most specific rule proposes the service (category and neighbourhood, then category, then
/// neighbourhood, then the catch-all).
/// </summary>
public sealed class RoutingRule
{
    private RoutingRule()
    {
    }

    public Guid Id { get; private set; }

    public NeedCategory? Category { get; private set; }

    public Guid? NeighbourhoodId { get; private set; }

    /// <summary>A Territory organisation: a municipal service, the CCAS, a partner association.</summary>
    public Guid ServiceId { get; private set; }

    public string CreatedByUserId { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public int Specificity => (Category is null ? 0 : 2) + (NeighbourhoodId is null ? 0 : 1);

    public bool Matches(NeedCategory category, Guid? neighbourhoodId) =>
        (Category is null || Category == category) && (NeighbourhoodId is null || NeighbourhoodId == neighbourhoodId);

    public static RoutingRule Create(NeedCategory? category, Guid? neighbourhoodId, Guid serviceId, string userId, DateTime nowUtc, Guid? id = null) => new()
    {
        Id = id ?? Guid.NewGuid(),
        Category = category,
        NeighbourhoodId = neighbourhoodId,
        ServiceId = serviceId,
        CreatedByUserId = userId,
        CreatedAtUtc = nowUtc,
    };

    /// <summary>The service the most specific matching rule names, or null when no rule matches.</summary>
    public static Guid? Propose(IEnumerable<RoutingRule> rules, NeedCategory category, Guid? neighbourhoodId) =>
        rules.Where(r => r.Matches(category, neighbourhoodId)).OrderByDescending(r => r.Specificity).ThenBy(r => r.CreatedAtUtc)
            .Select(r => (Guid?)r.ServiceId).FirstOrDefault();
}
