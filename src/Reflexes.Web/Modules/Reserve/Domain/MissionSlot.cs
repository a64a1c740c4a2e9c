using System.Globalization;

namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>One half-day of a mission and how many people it needs then.</summary>
public sealed class MissionSlot
{
    private MissionSlot()
    {
    }

    public Guid Id { get; private set; }

    public Guid MissionId { get; private set; }

    public DateOnly Date { get; private set; }

    public SlotPeriod Period { get; private set; }

    public int Needed { get; private set; }

    /// <summary>The half-day as the matching engine writes it: 2026-12-07AM or 2026-12-07PM.</summary>
    public string HalfDayCode => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (Period == SlotPeriod.Afternoon ? "PM" : "AM");

    internal static MissionSlot Create(Guid missionId, SlotDraft draft) => new()
    {
        Id = Guid.NewGuid(),
        MissionId = missionId,
        Date = draft.Date,
        Period = draft.Period,
        Needed = draft.Needed,
    };
}
