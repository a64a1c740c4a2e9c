namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>Places of a slot the last planning run could not fill, and the engine's reason (shown on the planning board).</summary>
public sealed class SlotShortfall
{
    private SlotShortfall()
    {
    }

    public Guid Id { get; private set; }

    public Guid SlotId { get; private set; }

    /// <summary>Monday of the planned week.</summary>
    public DateOnly WeekStart { get; private set; }

    public int Places { get; private set; }

    /// <summary>The engine's reason: NoOneAvailable, Skills, Languages, Distance or Caps.</summary>
    public string Reason { get; private set; } = "";

    public DateTime ComputedAtUtc { get; private set; }

    public static SlotShortfall Record(Guid slotId, DateOnly weekStart, int places, string reason, DateTime nowUtc) => new()
    {
        Id = Guid.NewGuid(),
        SlotId = slotId,
        WeekStart = weekStart,
        Places = places,
        Reason = reason,
        ComputedAtUtc = nowUtc,
    };
}
