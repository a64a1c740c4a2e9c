namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>
/// A set of cells of the weekly half-day grid (Monday to Sunday × morning/afternoon), stored as a
/// 14-bit mask: bit 0 is Monday morning, bit 13 Sunday afternoon.
/// </summary>
public readonly record struct VolunteerWeek(int Mask)
{
    public const int FullMask = (1 << 14) - 1;

    public static readonly VolunteerWeek None = new(0);

    public static readonly VolunteerWeek Every = new(FullMask);

    /// <summary>Saturday and Sunday, morning and afternoon.</summary>
    public static readonly VolunteerWeek Weekends = Of(
        new(DayOfWeek.Saturday, VolunteerPeriod.Morning), new(DayOfWeek.Saturday, VolunteerPeriod.Afternoon),
        new(DayOfWeek.Sunday, VolunteerPeriod.Morning), new(DayOfWeek.Sunday, VolunteerPeriod.Afternoon));

    public bool IsValid => (Mask & ~FullMask) == 0;

    public bool Contains(VolunteerWeekCell cell) => (Mask & (1 << cell.Index)) != 0;

    public int Count => System.Numerics.BitOperations.PopCount((uint)(Mask & FullMask));

    public IEnumerable<VolunteerWeekCell> Cells => VolunteerWeekCell.All.Where(Contains);

    public VolunteerWeek With(VolunteerWeekCell cell) => new(Mask | (1 << cell.Index));

    /// <summary>The cells of this week that are not in <paramref name="other"/>.</summary>
    public VolunteerWeek Except(VolunteerWeek other) => new(Mask & ~other.Mask);

    public static VolunteerWeek Of(params IEnumerable<VolunteerWeekCell> cells) =>
        cells.Aggregate(None, (week, cell) => week.With(cell));
}
