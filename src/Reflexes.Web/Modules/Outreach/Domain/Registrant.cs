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

    /// <summary>Active, or asked for by a third party and waiting for the person to confirm (ADR 0530).</summary>
    public RegistrantStatus Status { get; private set; }

    /// <summary>Who filled in an online form for the person, their relation and how to reach them.</summary>
    public string? Requester { get; private set; }

    /// <summary>The purposes a third party asked for, one code per line, until the person confirms them.</summary>
    public string? RequestedPurposes { get; private set; }

    /// <summary>The imported list this registration came from, if any.</summary>
    public Guid? ImportBatchId { get; private set; }

    public IReadOnlyList<string> RequestedPurposeList =>
        RequestedPurposes?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [];

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
    /// <summary>The registration's current details, as a correction or a merge starts from them.</summary>
    public RegistrantDetails Details() => new(FirstName, LastName, BirthDate, Address, NeighbourhoodId, Phone, OtherPhone, AlertContact, Ground);

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

    /// <summary>A registration asked for online by someone else: kept as to be confirmed with the person by phone.</summary>
    public static Registrant RequestByThirdParty(
        Guid subjectId, RegistrantDetails details, RegisteredBy relation, string requester, IReadOnlyCollection<string> purposes, string recordedBy, DateTime nowUtc)
    {
        if (relation == RegisteredBy.Self || string.IsNullOrWhiteSpace(requester) || requester.Trim().Length > 300)
        {
            throw new ArgumentException("A third party says who they are.", nameof(requester));
        }

        var registrant = Register(subjectId, details, relation, recordedBy, nowUtc);
        registrant.Status = RegistrantStatus.ToConfirm;
        registrant.Requester = requester.Trim();
        registrant.RequestedPurposes = string.Join('\n', purposes.Distinct(StringComparer.Ordinal));
        return registrant;
    }

    /// <summary>A registration taken from an imported list.</summary>
    public static Registrant Import(Guid subjectId, RegistrantDetails details, Guid batchId, string agentUserId, DateTime nowUtc)
    {
        var registrant = Register(subjectId, details, RegisteredBy.Other, agentUserId, nowUtc);
        registrant.ImportBatchId = batchId;
        return registrant;
    }

    /// <summary>The person confirmed, by phone, a registration a third party asked for.</summary>
    public void Confirm()
    {
        if (Status != RegistrantStatus.ToConfirm)
        {
            throw new InvalidOperationException("Only a registration waiting for the person's confirmation can be confirmed.");
        }

        Status = RegistrantStatus.Active;
        RequestedPurposes = null;
    }

    /// <summary>The person registers again after a withdrawal: the same row comes back with the new details.</summary>
    public void Reinstate(RegistrantDetails details, RegisteredBy registeredBy, string recordedBy, DateTime nowUtc)
    {
        Correct(details, nowUtc);
        WithdrawnAtUtc = null;
        Status = RegistrantStatus.Active;
        RegisteredBy = registeredBy;
        RecordedByUserId = recordedBy;
        RegisteredAtUtc = nowUtc;
        Requester = null;
        RequestedPurposes = null;
    }
}
