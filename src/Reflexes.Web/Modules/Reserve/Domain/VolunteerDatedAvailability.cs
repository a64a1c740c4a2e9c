using Reflexes.Web.Modules.DataTrust.Contracts;

namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>
/// A dated exception to the weekly pattern: available on a half-day the pattern does not give, or
/// unavailable on one it does. A hard constraint still wins over an "available" exception.
/// </summary>
public sealed class VolunteerDatedAvailability : IResidentData
{
    private VolunteerDatedAvailability()
    {
    }

    public Guid Id { get; private set; }

    public Guid VolunteerId { get; private set; }

    public Guid SubjectId { get; private set; }

    public DateOnly Date { get; private set; }

    public VolunteerPeriod Period { get; private set; }

    public bool Available { get; private set; }

    public VolunteerHalfDay HalfDay => new(Date, Period);

    internal static VolunteerDatedAvailability Create(Volunteer volunteer, VolunteerExceptionDay day) => new()
    {
        Id = Guid.NewGuid(),
        VolunteerId = volunteer.Id,
        SubjectId = volunteer.SubjectId,
        Date = day.HalfDay.Date,
        Period = day.HalfDay.Period,
        Available = day.Available,
    };
}

/// <summary>A dated exception as a form or a test states it.</summary>
public sealed record VolunteerExceptionDay(VolunteerHalfDay HalfDay, bool Available);
