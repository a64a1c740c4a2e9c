using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Modules.Outreach.Referrals;

namespace Reflexes.Web.Modules.Outreach.Orientation;

/// <summary>Aggregate figures on referrals: counts by category and by service, lateness, and delays (median and 90th percentile).</summary>
public sealed record ReferralFigures(
    int Total,
    int Open,
    int Overdue,
    IReadOnlyList<ReferralFigures.Row> ByCategory,
    IReadOnlyList<ReferralFigures.Row> ByService,
    ReferralFigures.Delay ToAcknowledgement,
    ReferralFigures.Delay ToClosure,
    IReadOnlyList<ReferralRecords.Fact> OverdueReferrals)
{
    /// <summary>A line of a breakdown: its key (category name or service id), how many in all, still open, and late.</summary>
    public sealed record Row(string Key, int Total, int Open, int Overdue);

    /// <summary>A delay's median and 90th percentile over <see cref="Count"/> referrals (null when none).</summary>
    public sealed record Delay(int Count, TimeSpan? Median, TimeSpan? P90);

    /// <summary>Open and past its acknowledgement (when not acknowledged) or closure deadline.</summary>
    public static bool IsOverdue(ReferralRecords.Fact f, DateTime nowUtc) =>
        f.Status != ReferralStatus.Closed && ((f.AcknowledgedAtUtc is null && nowUtc > f.AcknowledgeByUtc) || nowUtc > f.CloseByUtc);

    public static ReferralFigures From(IReadOnlyList<ReferralRecords.Fact> facts, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(facts);
        Row RowOf(string key, IEnumerable<ReferralRecords.Fact> group)
        {
            var list = group.ToList();
            return new Row(key, list.Count, list.Count(f => f.Status != ReferralStatus.Closed), list.Count(f => IsOverdue(f, nowUtc)));
        }

        var byCategory = Enum.GetValues<NeedCategory>().Select(c => RowOf(c.ToString(), facts.Where(f => f.Category == c))).ToList();
        var byService = facts.GroupBy(f => f.ServiceId?.ToString() ?? "").Select(g => RowOf(g.Key, g)).OrderByDescending(r => r.Total).ToList();
        var acknowledged = facts.Where(f => f.AcknowledgedAtUtc is not null).Select(f => f.AcknowledgedAtUtc!.Value - f.FiledAtUtc).ToList();
        var closed = facts.Where(f => f.ClosedAtUtc is not null).Select(f => f.ClosedAtUtc!.Value - f.FiledAtUtc).ToList();
        var overdue = facts.Where(f => IsOverdue(f, nowUtc)).OrderBy(f => f.AcknowledgedAtUtc is null ? f.AcknowledgeByUtc : f.CloseByUtc).ToList();
        return new ReferralFigures(
            facts.Count,
            facts.Count(f => f.Status != ReferralStatus.Closed),
            overdue.Count,
            byCategory,
            byService,
            new Delay(acknowledged.Count, Percentile(acknowledged, 0.5), Percentile(acknowledged, 0.9)),
            new Delay(closed.Count, Percentile(closed, 0.5), Percentile(closed, 0.9)),
            overdue);
    }

    /// <summary>
    /// The nearest-rank percentile: the smallest value such that at least <paramref name="p"/> of the
    /// values are at most it (so the median of 1, 2, 3, 4 is 2). Null for no values.
    /// </summary>
    public static TimeSpan? Percentile(IReadOnlyCollection<TimeSpan> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Max(rank, 1) - 1];
    }
}
