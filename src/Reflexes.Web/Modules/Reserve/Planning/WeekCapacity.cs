using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Modules.Reserve.Volunteers;

namespace Reflexes.Web.Modules.Reserve.Planning;

/// <summary>Which of a volunteer's limits is the tightest for a week.</summary>
public enum CapacityLimit
{
    Week,
    Month,
    Quota,
}

/// <summary>
/// How many half-days a volunteer may hold in one planned week (docs/adr/0321), counting what they already hold
/// outside it: the weekly cap; for each month the week touches, the monthly cap less the half-days held in that
/// month's other weeks; for an agent, what is left of the yearly quota less the proposals awaiting an answer
/// outside the week (confirmed half-days are already counted in the quota). <see cref="Total"/> includes the
/// half-days held in the week; <see cref="Left"/> is what remains once those are counted.
/// </summary>
/// <param name="FullMonths">Months (year, month) of the week in which the volunteer can take nothing more.</param>
public sealed record WeekCapacity(int Total, int Left, CapacityLimit Limit, IReadOnlySet<(int Year, int Month)> FullMonths)
{
    /// <summary>One half-day a volunteer holds: an active assignment (proposed, published or accepted).</summary>
    public sealed record Holding(DateOnly Date, bool Afternoon, bool Confirmed);

    public static WeekCapacity Of(PoolVolunteer volunteer, DateOnly monday, IReadOnlyCollection<Holding> holdings)
    {
        ArgumentNullException.ThrowIfNull(volunteer);
        ArgumentNullException.ThrowIfNull(holdings);
        var sunday = monday.AddDays(6);
        bool InWeek(Holding h) => h.Date >= monday && h.Date <= sunday;
        var inWeek = holdings.Where(InWeek).ToList();
        var outside = holdings.Where(h => !InWeek(h)).ToList();

        var total = volunteer.MaxPerWeek;
        var limit = CapacityLimit.Week;

        var monthTotal = 0;
        var full = new HashSet<(int Year, int Month)>();
        foreach (var month in Enumerable.Range(0, 7).Select(i => monday.AddDays(i)).Select(d => (d.Year, d.Month)).Distinct())
        {
            bool InMonth(DateOnly d) => d.Year == month.Year && d.Month == month.Month;
            var left = Math.Max(0, volunteer.MaxPerMonth - outside.Count(h => InMonth(h.Date)));
            var offered = volunteer.HalfDays.Where(h => InMonth(h.Date)).Select(h => (h.Date, h.Period == VolunteerPeriod.Afternoon))
                .Concat(inWeek.Where(h => InMonth(h.Date)).Select(h => (h.Date, h.Afternoon))).Distinct().Count();
            var usable = Math.Min(left, offered);
            if (usable == 0)
            {
                full.Add(month);
            }

            monthTotal += usable;
        }

        if (monthTotal < total)
        {
            total = monthTotal;
            limit = CapacityLimit.Month;
        }

        if (volunteer.QuotaHalfDaysLeft is { } quotaLeft)
        {
            // Confirmed half-days of the week are already consumed from the quota; they count again in the week's total.
            var years = new[] { monday.Year, sunday.Year };
            var quota = quotaLeft + inWeek.Count(h => h.Confirmed) - outside.Count(h => !h.Confirmed && years.Contains(h.Date.Year));
            if (quota < total)
            {
                total = Math.Max(0, quota);
                limit = CapacityLimit.Quota;
            }
        }

        return new WeekCapacity(total, Math.Max(0, total - inWeek.Count), limit, full);
    }
}
