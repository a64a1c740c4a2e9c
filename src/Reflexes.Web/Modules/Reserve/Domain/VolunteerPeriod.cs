namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>The half of a day a volunteer can give: the morning or the afternoon.</summary>
public enum VolunteerPeriod
{
    Morning,
    Afternoon,
}
