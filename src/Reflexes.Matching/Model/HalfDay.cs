using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Reflexes.Matching.Model;

/// <summary>A morning or an afternoon of one calendar day, written <c>2026-12-07AM</c> or <c>2026-12-07PM</c>.</summary>
public readonly record struct HalfDay(DateOnly Date, bool Afternoon) : IComparable<HalfDay>
{
    /// <summary>A dense number that orders half-days in time: two per day.</summary>
    public int Index => (Date.DayNumber * 2) + (Afternoon ? 1 : 0);

    /// <summary>ISO 8601 week, as year * 100 + week number (weeks run Monday to Sunday).</summary>
    public int IsoWeek
    {
        get
        {
            var day = Date.ToDateTime(TimeOnly.MinValue);
            return (ISOWeek.GetYear(day) * 100) + ISOWeek.GetWeekOfYear(day);
        }
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out HalfDay halfDay)
    {
        halfDay = default;
        if (text is null || text.Length != 12)
        {
            return false;
        }

        var suffix = text.AsSpan(10);
        bool afternoon;
        if (suffix.SequenceEqual("AM"))
        {
            afternoon = false;
        }
        else if (suffix.SequenceEqual("PM"))
        {
            afternoon = true;
        }
        else
        {
            return false;
        }

        if (!DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        halfDay = new HalfDay(date, afternoon);
        return true;
    }

    public int CompareTo(HalfDay other) => Index.CompareTo(other.Index);

    public static bool operator <(HalfDay left, HalfDay right) => left.CompareTo(right) < 0;

    public static bool operator >(HalfDay left, HalfDay right) => left.CompareTo(right) > 0;

    public static bool operator <=(HalfDay left, HalfDay right) => left.CompareTo(right) <= 0;

    public static bool operator >=(HalfDay left, HalfDay right) => left.CompareTo(right) >= 0;

    public override string ToString() =>
        Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (Afternoon ? "PM" : "AM");
}
