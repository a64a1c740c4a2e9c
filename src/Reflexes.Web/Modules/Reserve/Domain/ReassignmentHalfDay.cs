using Reflexes.Web.Modules.DataTrust.Contracts;

namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>
/// A confirmed half-day an agent gave on working time: it consumes their yearly quota and is the
/// history of the skills they used. One per agent and half-day.
/// </summary>
public sealed class ReassignmentHalfDay : IResidentData
{
    public const int MissionMaxLength = 200;

    private ReassignmentHalfDay()
    {
    }

    public Guid Id { get; private set; }

    public Guid VolunteerId { get; private set; }

    public Guid SubjectId { get; private set; }

    /// <summary>The approved reassignment the half-day falls in.</summary>
    public Guid ReassignmentId { get; private set; }

    public DateOnly Date { get; private set; }

    public VolunteerPeriod Period { get; private set; }

    /// <summary>What the half-day was for, as the missions side names it (e.g. "mission/…/slot/…").</summary>
    public string MissionRef { get; private set; } = "";

    /// <summary>Skills used, as skill identifiers separated by commas.</summary>
    public string SkillIds { get; private set; } = "";

    public string RecordedByUserId { get; private set; } = "";

    public DateTime RecordedAtUtc { get; private set; }

    public VolunteerHalfDay HalfDay => new(Date, Period);

    public IReadOnlyList<Guid> SkillList => SkillIds.Length == 0 ? [] : [.. SkillIds.Split(',').Select(Guid.Parse)];

    public static ReassignmentHalfDay Record(
        Reassignment reassignment, VolunteerHalfDay halfDay, string missionRef, IEnumerable<Guid> skillIds, string recordedByUserId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(reassignment);
        ArgumentException.ThrowIfNullOrWhiteSpace(missionRef);
        return new ReassignmentHalfDay
        {
            Id = Guid.NewGuid(),
            VolunteerId = reassignment.VolunteerId,
            SubjectId = reassignment.SubjectId,
            ReassignmentId = reassignment.Id,
            Date = halfDay.Date,
            Period = halfDay.Period,
            MissionRef = missionRef.Trim()[..Math.Min(missionRef.Trim().Length, MissionMaxLength)],
            SkillIds = string.Join(",", skillIds.Distinct()),
            RecordedByUserId = recordedByUserId,
            RecordedAtUtc = nowUtc,
        };
    }
}
