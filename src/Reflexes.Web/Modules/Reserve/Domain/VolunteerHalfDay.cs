using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>
/// One morning or afternoon of a calendar day, written like the matching engine's files:
/// <c>2026-12-07AM</c> or <c>2026-12-07PM</c>.
/// </summary>
public readonly record struct VolunteerHalfDay(DateOnly Date, VolunteerPeriod Period) : IComparable<VolunteerHalfDay>
{
    /// <summary>ISO 8601 week (Monday to Sunday), as year * 100 + week number.</summary>
    public int IsoWeek
    {
        get
        {
            var day = Date.ToDateTime(TimeOnly.MinValue);
            return (ISOWeek.GetYear(day) * 100) + ISOWeek.GetWeekOfYear(day);
        }
    }

    /// <summary>The cell of the weekly grid this half-day falls in.</summary>
    public VolunteerWeekCell Cell => new(Date.DayOfWeek, Period);

    public static bool TryParse([NotNullWhen(true)] string? text, out VolunteerHalfDay halfDay)
    {
        halfDay = default;
        if (text is null || text.Length != 12)
        {
            return false;
        }

        VolunteerPeriod period;
        if (text.EndsWith("AM", StringComparison.Ordinal))
        {
            period = VolunteerPeriod.Morning;
        }
        else if (text.EndsWith("PM", StringComparison.Ordinal))
        {
            period = VolunteerPeriod.Afternoon;
        }
        else
        {
            return false;
        }

        if (!DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        halfDay = new VolunteerHalfDay(date, period);
        return true;
    }

    public int CompareTo(VolunteerHalfDay other)
    {
        var byDate = Date.CompareTo(other.Date);
        return byDate != 0 ? byDate : Period.CompareTo(other.Period);
    }

    public static bool operator <(VolunteerHalfDay left, VolunteerHalfDay right) => left.CompareTo(right) < 0;

    public static bool operator >(VolunteerHalfDay left, VolunteerHalfDay right) => left.CompareTo(right) > 0;

    public static bool operator <=(VolunteerHalfDay left, VolunteerHalfDay right) => left.CompareTo(right) <= 0;

    public static bool operator >=(VolunteerHalfDay left, VolunteerHalfDay right) => left.CompareTo(right) >= 0;

    public override string ToString() =>
        Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (Period == VolunteerPeriod.Afternoon ? "PM" : "AM");
}
