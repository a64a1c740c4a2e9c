namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>Who the volunteer is: a resident, or a public agent from the staff directory (reassigned on their working time).</summary>
public enum VolunteerKind
{
    Resident,
    Agent,
}
