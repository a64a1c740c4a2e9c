using Reflexes.Web.Modules.DataTrust.Contracts;

namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>
/// One volunteer on one slot. It names a volunteer, so it is personal data read through the access service
/// under "civic-reserve-matching". Accepted assignments are confirmed: re-planning keeps them as they are.
/// </summary>
public sealed class AssignmentOfVolunteer : IResidentData
{
    /// <summary>A half-day mission lasts at most this long (minutes recorded after it).</summary>
    public const int MaxMinutes = 12 * 60;

    private AssignmentOfVolunteer()
    {
    }

    public Guid Id { get; private set; }

    public Guid SubjectId { get; private set; }

    /// <summary>The volunteer's id on the people side of the reserve.</summary>
    public Guid VolunteerId { get; private set; }

    /// <summary>The volunteer's account, when they have one (phone sign-ups have none).</summary>
    public string? UserId { get; private set; }

    public Guid MissionId { get; private set; }

    public Guid SlotId { get; private set; }

    public long DistanceMeters { get; private set; }

    public AssignmentStatus Status { get; private set; }

    public DateTime ProposedAtUtc { get; private set; }

    public DateTime? PublishedAtUtc { get; private set; }

    public DateTime? AnsweredAtUtc { get; private set; }

    /// <summary>Time the volunteer spent, recorded after the mission.</summary>
    public int? MinutesSpent { get; private set; }

    /// <summary>Set by a coordinator who added it by hand (rather than the engine).</summary>
    public bool AddedByHand { get; private set; }

    public bool IsConfirmed => Status == AssignmentStatus.Accepted;

    /// <summary>Counts in the plan (holds a place): not declined nor withdrawn.</summary>
    public bool IsActive => Status is AssignmentStatus.Proposed or AssignmentStatus.Published or AssignmentStatus.Accepted;

    public static AssignmentOfVolunteer Propose(Guid subjectId, Guid volunteerId, string? userId, Guid missionId, Guid slotId, long distanceMeters, bool byHand, DateTime nowUtc) => new()
    {
        Id = Guid.NewGuid(),
        SubjectId = subjectId,
        VolunteerId = volunteerId,
        UserId = userId,
        MissionId = missionId,
        SlotId = slotId,
        DistanceMeters = distanceMeters,
        Status = AssignmentStatus.Proposed,
        ProposedAtUtc = nowUtc,
        AddedByHand = byHand,
    };

    public void Publish(DateTime nowUtc)
    {
        Require(AssignmentStatus.Proposed);
        Status = AssignmentStatus.Published;
        PublishedAtUtc = nowUtc;
    }

    public void Accept(DateTime nowUtc)
    {
        Require(AssignmentStatus.Published);
        Status = AssignmentStatus.Accepted;
        AnsweredAtUtc = nowUtc;
    }

    public void Decline(DateTime nowUtc)
    {
        if (Status is not (AssignmentStatus.Published or AssignmentStatus.Accepted))
        {
            throw new InvalidOperationException($"A {Status} assignment cannot be declined.");
        }

        Status = AssignmentStatus.Declined;
        AnsweredAtUtc = nowUtc;
    }

    public void Withdraw()
    {
        if (Status is AssignmentStatus.Declined or AssignmentStatus.Withdrawn)
        {
            throw new InvalidOperationException($"A {Status} assignment cannot be withdrawn.");
        }

        Status = AssignmentStatus.Withdrawn;
    }

    public void RecordTime(int minutes)
    {
        Require(AssignmentStatus.Accepted);
        if (minutes is < 1 or > MaxMinutes)
        {
            throw new ArgumentOutOfRangeException(nameof(minutes), minutes, "Between 1 minute and " + MaxMinutes + " minutes.");
        }

        MinutesSpent = minutes;
    }

    private void Require(AssignmentStatus status)
    {
        if (Status != status)
        {
            throw new InvalidOperationException($"The assignment is {Status}, not {status}.");
        }
    }
}
