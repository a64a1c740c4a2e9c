using Reflexes.Web.Modules.DataTrust.Contracts;

namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>A skill a volunteer has (or, when secondary, wants to use or develop).</summary>
public sealed class VolunteerSkill : IResidentData
{
    private VolunteerSkill()
    {
    }

    public Guid Id { get; private set; }

    public Guid VolunteerId { get; private set; }

    public Guid SubjectId { get; private set; }

    public Guid SkillId { get; private set; }

    /// <summary>A skill the person wants to use or develop rather than one they already practise.</summary>
    public bool Secondary { get; private set; }

    internal static VolunteerSkill Create(Volunteer volunteer, Guid skillId, bool secondary) => new()
    {
        Id = Guid.NewGuid(),
        VolunteerId = volunteer.Id,
        SubjectId = volunteer.SubjectId,
        SkillId = skillId,
        Secondary = secondary,
    };
}
