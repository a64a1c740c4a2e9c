using System.Diagnostics.CodeAnalysis;

namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>One cell of the weekly half-day grid: a day of the week and a period, e.g. Wednesday afternoon.</summary>
public readonly record struct VolunteerWeekCell(DayOfWeek Day, VolunteerPeriod Period)
{
    /// <summary>Monday to Sunday, as ISO 8601 orders the week.</summary>
    public static readonly IReadOnlyList<DayOfWeek> IsoDays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>The 14 cells from Monday morning to Sunday afternoon, in reading order.</summary>
    public static readonly IReadOnlyList<VolunteerWeekCell> All =
        [.. IsoDays.SelectMany(d => new[] { new VolunteerWeekCell(d, VolunteerPeriod.Morning), new VolunteerWeekCell(d, VolunteerPeriod.Afternoon) })];

    /// <summary>0 for Monday morning up to 13 for Sunday afternoon.</summary>
    public int Index => ((((int)Day + 6) % 7) * 2) + (Period == VolunteerPeriod.Afternoon ? 1 : 0);

    /// <summary>The form value of the cell, e.g. "Wednesday-Afternoon".</summary>
    public string Key => Day + "-" + Period;

    /// <summary>Reads a form value; false for anything that is not one of the 14 cells.</summary>
    public static bool TryParse([NotNullWhen(true)] string? key, out VolunteerWeekCell cell)
    {
        cell = default;
        var parts = key?.Split('-');
        if (parts is not { Length: 2 }
            || !Enum.TryParse<DayOfWeek>(parts[0], ignoreCase: false, out var day) || !Enum.IsDefined(day) || int.TryParse(parts[0], out _)
            || !Enum.TryParse<VolunteerPeriod>(parts[1], ignoreCase: false, out var period) || !Enum.IsDefined(period) || int.TryParse(parts[1], out _))
        {
            return false;
        }

        cell = new VolunteerWeekCell(day, period);
        return true;
    }
}
