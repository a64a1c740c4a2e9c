using Reflexes.Web.Modules.DataTrust.Contracts;

namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>
/// A period during which a public agent gives volunteer days to a host service or partner, approved by
/// their home manager; the host names a technical mentor; the period has a planned end and a planned
/// return to the home service. Personal data about the agent: read through the access service.
/// </summary>
public sealed class Reassignment : IResidentData
{
    public const int DescriptionMaxLength = 1000;
    public const int NoteMaxLength = 500;
    public const int MentorMaxLength = 200;

    private Reassignment()
    {
    }

    public Guid Id { get; private set; }

    public Guid VolunteerId { get; private set; }

    public Guid SubjectId { get; private set; }

    /// <summary>The agent's entry in the staff directory.</summary>
    public Guid AgentId { get; private set; }

    /// <summary>The home manager who decides (the directory's manager of the agent when asked).</summary>
    public Guid ManagerAgentId { get; private set; }

    /// <summary>The service or partner organisation that hosts the agent.</summary>
    public Guid HostOrganisationId { get; private set; }

    public string Description { get; private set; } = "";

    public DateOnly StartDate { get; private set; }

    public DateOnly PlannedEndDate { get; private set; }

    /// <summary>The day the agent is planned back in their home service.</summary>
    public DateOnly PlannedReturnDate { get; private set; }

    public ReassignmentStatus Status { get; private set; }

    public string RequestedByUserId { get; private set; } = "";

    public DateTime RequestedAtUtc { get; private set; }

    public string? DecidedByUserId { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public string? DecisionNote { get; private set; }

    /// <summary>The technical mentor the host service names (name and how to reach them).</summary>
    public string? Mentor { get; private set; }

    public DateTime? MentorNamedAtUtc { get; private set; }

    public DateOnly? EndedOn { get; private set; }

    public static Reassignment Request(
        Volunteer agentVolunteer, Guid agentId, Guid managerAgentId, Guid hostOrganisationId, string description,
        DateOnly start, DateOnly plannedEnd, DateOnly plannedReturn, string requestedByUserId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(agentVolunteer);
        if (Validate(description, start, plannedEnd, plannedReturn, DateOnly.MinValue).Count > 0)
        {
            throw new ArgumentException("The reassignment is not valid.", nameof(description));
        }

        return new Reassignment
        {
            Id = Guid.NewGuid(),
            VolunteerId = agentVolunteer.Id,
            SubjectId = agentVolunteer.SubjectId,
            AgentId = agentId,
            ManagerAgentId = managerAgentId,
            HostOrganisationId = hostOrganisationId,
            Description = description.Trim(),
            StartDate = start,
            PlannedEndDate = plannedEnd,
            PlannedReturnDate = plannedReturn,
            Status = ReassignmentStatus.Requested,
            RequestedByUserId = requestedByUserId,
            RequestedAtUtc = nowUtc,
        };
    }

    /// <summary>Problems with a request, tied to the form fields.</summary>
    public static IReadOnlyList<(string Field, string Key)> Validate(string? description, DateOnly start, DateOnly plannedEnd, DateOnly plannedReturn, DateOnly today)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(description) || description.Trim().Length > DescriptionMaxLength)
        {
            errors.Add(("Description", "reassignment.error.description"));
        }

        if (start < today)
        {
            errors.Add(("StartDate", "reassignment.error.start-past"));
        }

        if (plannedEnd < start)
        {
            errors.Add(("PlannedEndDate", "reassignment.error.end-before-start"));
        }

        if (plannedReturn < plannedEnd)
        {
            errors.Add(("PlannedReturnDate", "reassignment.error.return-before-end"));
        }

        return errors;
    }

    /// <summary>Whether the agent may be planned on that day under this reassignment.</summary>
    public bool Covers(DateOnly day) => Status == ReassignmentStatus.Approved && day >= StartDate && day <= PlannedEndDate && (EndedOn is null || day <= EndedOn);

    public void Decide(bool approve, string? note, string managerUserId, DateTime nowUtc)
    {
        if (Status != ReassignmentStatus.Requested)
        {
            throw new InvalidOperationException("Only a requested reassignment can be decided.");
        }

        Status = approve ? ReassignmentStatus.Approved : ReassignmentStatus.Refused;
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, NoteMaxLength)];
        DecidedByUserId = managerUserId;
        DecidedAtUtc = nowUtc;
    }

    public void NameMentor(string mentor, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mentor);
        if (Status is ReassignmentStatus.Refused or ReassignmentStatus.Cancelled)
        {
            throw new InvalidOperationException("A refused or cancelled reassignment has no mentor.");
        }

        Mentor = mentor.Trim()[..Math.Min(mentor.Trim().Length, MentorMaxLength)];
        MentorNamedAtUtc = nowUtc;
    }

    public void Cancel()
    {
        if (Status != ReassignmentStatus.Requested)
        {
            throw new InvalidOperationException("Only a requested reassignment can be cancelled.");
        }

        Status = ReassignmentStatus.Cancelled;
    }

    public void End(DateOnly on)
    {
        if (Status != ReassignmentStatus.Approved)
        {
            throw new InvalidOperationException("Only an approved reassignment can end.");
        }

        Status = ReassignmentStatus.Ended;
        EndedOn = on;
    }
}
