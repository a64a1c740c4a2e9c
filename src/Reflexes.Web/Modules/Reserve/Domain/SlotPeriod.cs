namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>The half of the day a slot takes.</summary>
public enum SlotPeriod
{
    Morning,
    Afternoon,
}
