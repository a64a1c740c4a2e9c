using Reflexes.Web.Modules.DataTrust.Contracts;

namespace Reflexes.Web.Modules.Outreach.Domain;

/// <summary>
/// A person in the voluntary register of fragile residents. Registration is voluntary and asks for no
/// proof; the purposes the person agreed to are consent records in the data trust, under the same
/// data subject. Every read goes through the access service.
/// </summary>
public sealed class Registrant : IResidentData
{
    private Registrant()
    {
    }

    public Guid Id { get; private set; }

    public Guid SubjectId { get; private set; }

    public string FirstName { get; private set; } = "";

    public string LastName { get; private set; } = "";

    public DateOnly BirthDate { get; private set; }

    public string Address { get; private set; } = "";

    public Guid? NeighbourhoodId { get; private set; }

    public string Phone { get; private set; } = "";

    public string? OtherPhone { get; private set; }

    /// <summary>Who to alert, and how (e.g. "Paul Martin, son, 06 12 34 56 78").</summary>
    public string? AlertContact { get; private set; }

    public EligibilityGround Ground { get; private set; }

    public RegisteredBy RegisteredBy { get; private set; }

    public DateTime RegisteredAtUtc { get; private set; }

    public string RecordedByUserId { get; private set; } = "";

    public DateTime? WithdrawnAtUtc { get; private set; }

    public static Registrant Register(Guid subjectId, RegistrantDetails details, RegisteredBy registeredBy, string recordedByUserId, DateTime nowUtc)
    {
        var registrant = new Registrant
        {
            Id = Guid.NewGuid(),
            SubjectId = subjectId,
            RegisteredBy = registeredBy,
            RegisteredAtUtc = nowUtc,
            RecordedByUserId = recordedByUserId,
        };
        registrant.Correct(details, nowUtc);
        return registrant;
    }

    /// <summary>The person (or an agent for them) corrects the registration.</summary>
    public void Correct(RegistrantDetails details, DateTime nowUtc)
    {
        if (details.Validate(DateOnly.FromDateTime(nowUtc)).Count > 0)
        {
            throw new ArgumentException("The details are not valid.", nameof(details));
        }

        FirstName = details.FirstName.Trim();
        LastName = details.LastName.Trim();
        BirthDate = details.BirthDate;
        Address = details.Address.Trim();
        NeighbourhoodId = details.NeighbourhoodId;
        Phone = details.Phone.Trim();
        OtherPhone = string.IsNullOrWhiteSpace(details.OtherPhone) ? null : details.OtherPhone.Trim();
        AlertContact = string.IsNullOrWhiteSpace(details.AlertContact) ? null : details.AlertContact.Trim();
        Ground = details.Ground;
    }

    public void Withdraw(DateTime nowUtc) => WithdrawnAtUtc ??= nowUtc;
}
