namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>A slot as the poster writes it: a date, a half-day and how many people.</summary>
public sealed record SlotDraft(DateOnly Date, SlotPeriod Period, int Needed)
{
    /// <summary>More than this on one half-day is a typing error, not a mission.</summary>
    public const int MaxNeeded = 200;
}
