using Reflexes.Web.Modules.DataTrust.Contracts;

namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>
/// A member of the civic reserve: a resident or a public agent, with what they can do, where, and when.
/// It is personal data under the purpose "civic-reserve-matching": every read goes through the access
/// service. Skills and dated exceptions live in their own rows (<see cref="VolunteerSkill"/>,
/// <see cref="VolunteerDatedAvailability"/>) under the same data subject.
/// </summary>
public sealed class Volunteer : IResidentData
{
    private Volunteer()
    {
    }

    public Guid Id { get; private set; }

    public Guid SubjectId { get; private set; }

    public VolunteerKind Kind { get; private set; }

    public VolunteerEnrolment Enrolment { get; private set; }

    /// <summary>The person's own account, when they have one.</summary>
    public string? UserId { get; private set; }

    /// <summary>The staff directory entry (Territory) of an agent.</summary>
    public Guid? AgentId { get; private set; }

    public string FirstName { get; private set; } = "";

    public string LastName { get; private set; } = "";

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    public Guid? NeighbourhoodId { get; private set; }

    /// <summary>Home location (WGS 84); derived from the neighbourhood when the person gave none.</summary>
    public double Latitude { get; private set; }

    public double Longitude { get; private set; }

    /// <summary>True when the person gave the location, false when it is their neighbourhood's centre.</summary>
    public bool LocationGiven { get; private set; }

    public int MaxDistanceKm { get; private set; }

    public int MaxHalfDaysPerWeek { get; private set; }

    public int MaxHalfDaysPerMonth { get; private set; }

    /// <summary>Spoken languages as ISO 639 codes separated by commas, e.g. "fr,ar".</summary>
    public string Languages { get; private set; } = "";

    /// <summary>The weekly pattern of half-days the person offers (see <see cref="VolunteerWeek"/>).</summary>
    public int PatternMask { get; private set; }

    /// <summary>Hard constraints: half-days of the week the person never gives, whatever the pattern or an exception says.</summary>
    public int NeverMask { get; private set; }

    public string RecordedByUserId { get; private set; } = "";

    public DateTime JoinedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>When the person left the reserve (their consent to matching is then withdrawn).</summary>
    public DateTime? LeftAtUtc { get; private set; }

    public string FullName => FirstName + " " + LastName;

    public VolunteerWeek Pattern => new(PatternMask);

    public VolunteerWeek Never => new(NeverMask);

    public IReadOnlyList<string> LanguageList => Languages.Length == 0 ? [] : Languages.Split(',');

    public bool Active => LeftAtUtc is null;

    public static Volunteer Join(
        Guid subjectId, VolunteerKind kind, VolunteerEnrolment enrolment, string? userId, Guid? agentId,
        VolunteerProfile profile, (double Latitude, double Longitude) place, string recordedByUserId, DateTime nowUtc)
    {
        var volunteer = new Volunteer
        {
            Id = Guid.NewGuid(),
            SubjectId = subjectId,
            Kind = kind,
            Enrolment = enrolment,
            UserId = userId,
            AgentId = agentId,
            RecordedByUserId = recordedByUserId,
            JoinedAtUtc = nowUtc,
        };
        volunteer.Update(profile, place, nowUtc);
        return volunteer;
    }

    /// <summary>Replaces the profile's own fields; the caller replaces skills and exceptions rows.</summary>
    public void Update(VolunteerProfile profile, (double Latitude, double Longitude) place, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Validate(DateOnly.MinValue).Count > 0)
        {
            throw new ArgumentException("The profile is not valid.", nameof(profile));
        }

        FirstName = profile.FirstName.Trim();
        LastName = profile.LastName.Trim();
        Phone = string.IsNullOrWhiteSpace(profile.Phone) ? null : profile.Phone.Trim();
        Email = string.IsNullOrWhiteSpace(profile.Email) ? null : profile.Email.Trim();
        NeighbourhoodId = profile.NeighbourhoodId;
        LocationGiven = profile.Latitude is not null;
        Latitude = place.Latitude;
        Longitude = place.Longitude;
        MaxDistanceKm = profile.MaxDistanceKm;
        MaxHalfDaysPerWeek = profile.MaxHalfDaysPerWeek;
        MaxHalfDaysPerMonth = profile.MaxHalfDaysPerMonth;
        Languages = string.Join(",", profile.Languages);
        PatternMask = profile.Pattern.Mask;
        NeverMask = profile.Never.Mask;
        UpdatedAtUtc = nowUtc;
    }

    public void Leave(DateTime nowUtc) => LeftAtUtc ??= nowUtc;

    /// <summary>A person who left signs up again: the same row comes back to life with a new profile.</summary>
    public void Rejoin(VolunteerEnrolment enrolment, string recordedByUserId, DateTime nowUtc)
    {
        LeftAtUtc = null;
        Enrolment = enrolment;
        RecordedByUserId = recordedByUserId;
        JoinedAtUtc = nowUtc;
    }
}
