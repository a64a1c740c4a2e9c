namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>
/// Turns a volunteer's availability rules into the concrete half-days of a date range: the weekly
/// pattern gives the usual half-days, dated exceptions add or remove single half-days, and hard
/// constraints remove half-days whatever the pattern or an exception says.
/// </summary>
public static class VolunteerAvailability
{
    /// <summary>The longest range expanded at once (a little over a year), so a mistaken range cannot exhaust memory.</summary>
    public const int MaxRangeDays = 400;

    /// <summary>
    /// The half-days from <paramref name="from"/> to <paramref name="to"/> (both included), in time order,
    /// on which the volunteer is available. <paramref name="dayAllowed"/>, when given, removes whole days
    /// (for an agent: days outside an approved reassignment).
    /// </summary>
    public static IReadOnlyList<VolunteerHalfDay> Expand(
        VolunteerWeek pattern, VolunteerWeek never, IEnumerable<VolunteerExceptionDay> exceptions, DateOnly from, DateOnly to,
        Func<DateOnly, bool>? dayAllowed = null)
    {
        CheckRange(from, to);
        var dated = new Dictionary<VolunteerHalfDay, bool>();
        foreach (var e in exceptions)
        {
            dated[e.HalfDay] = e.Available;
        }

        var result = new List<VolunteerHalfDay>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (dayAllowed is not null && !dayAllowed(day))
            {
                continue;
            }

            foreach (var period in (ReadOnlySpan<VolunteerPeriod>)[VolunteerPeriod.Morning, VolunteerPeriod.Afternoon])
            {
                var halfDay = new VolunteerHalfDay(day, period);
                var available = dated.TryGetValue(halfDay, out var exception) ? exception : pattern.Contains(halfDay.Cell);
                if (available && !never.Contains(halfDay.Cell))
                {
                    result.Add(halfDay);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The most half-days the volunteer can give over the range: for each calendar month the range
    /// touches, the monthly cap or the half-days available in that month, whichever is smaller. Exact
    /// when the range lies in one month; across a month boundary it is the sum of each month's cap
    /// (the engine has one overall cap; half-days already given earlier in a month are the planner's to deduct).
    /// </summary>
    public static int TotalCap(IReadOnlyList<VolunteerHalfDay> available, int maxPerMonth) =>
        available.GroupBy(h => (h.Date.Year, h.Date.Month)).Sum(g => Math.Min(maxPerMonth, g.Count()));

    public static void CheckRange(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentException("The range ends before it starts.", nameof(to));
        }

        if (to.DayNumber - from.DayNumber + 1 > MaxRangeDays)
        {
            throw new ArgumentException("The range is longer than " + MaxRangeDays + " days.", nameof(to));
        }
    }
}
