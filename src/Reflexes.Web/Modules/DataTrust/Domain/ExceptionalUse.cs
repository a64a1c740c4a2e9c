using System.Globalization;

namespace Reflexes.Web.Modules.DataTrust.Domain;

/// <summary>
/// A use of personal data outside the register ("off-framework"), asked for by an agent with a
/// justification, a scope and a duration, and decided by the data board with reasons. An approval is
/// limited in time and scope; every approval is published on the transparency page — what, why, who
/// approved, until when and how many people are concerned, never who they are.
/// </summary>
public sealed class ExceptionalUse
{
    private ExceptionalUse()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Public reference, also the purpose code under which reads are made (e.g. "exceptional-2026-0003").</summary>
    public string Reference { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Justification { get; private set; } = "";

    /// <summary>The purpose under which the data were collected.</summary>
    public string SourcePurposeCode { get; private set; } = "";

    public string DataCategories { get; private set; } = "";

    /// <summary>Which people, described (e.g. "registered in the heat-wave register, living in Le Port").</summary>
    public string Scope { get; private set; } = "";

    public int PeopleConcerned { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public string RequestedByUserId { get; private set; } = "";

    public DateTime RequestedAtUtc { get; private set; }

    public ExceptionalUseStatus Status { get; private set; }

    public string? DecisionReasons { get; private set; }

    public string? DecidedByUserId { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public static ExceptionalUse Request(ExceptionalUseRequest request, int sequence, string requestedByUserId, DateTime nowUtc)
    {
        if (request.Validate(DateOnly.FromDateTime(nowUtc)).Count > 0)
        {
            throw new ArgumentException("The request is not valid.", nameof(request));
        }

        return new ExceptionalUse
        {
            Id = Guid.NewGuid(),
            Reference = string.Create(CultureInfo.InvariantCulture, $"exceptional-{nowUtc.Year}-{sequence:0000}"),
            Title = request.Title.Trim(),
            Justification = request.Justification.Trim(),
            SourcePurposeCode = request.SourcePurposeCode.Trim(),
            DataCategories = request.DataCategories.Trim(),
            Scope = request.Scope.Trim(),
            PeopleConcerned = request.PeopleConcerned,
            StartsOn = request.StartsOn,
            EndsOn = request.EndsOn,
            RequestedByUserId = requestedByUserId,
            RequestedAtUtc = nowUtc,
            Status = ExceptionalUseStatus.Pending,
        };
    }

    public void Approve(string boardMemberId, string reasons, DateTime nowUtc) => Decide(ExceptionalUseStatus.Approved, boardMemberId, reasons, nowUtc);

    public void Refuse(string boardMemberId, string reasons, DateTime nowUtc) => Decide(ExceptionalUseStatus.Refused, boardMemberId, reasons, nowUtc);

    /// <summary>Ends an approval before its term; the use stays published as revoked.</summary>
    public void Revoke(string boardMemberId, string reasons, DateTime nowUtc)
    {
        if (Status != ExceptionalUseStatus.Approved)
        {
            throw new InvalidOperationException("Only an approved use can be revoked.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(reasons);
        Status = ExceptionalUseStatus.Revoked;
        DecisionReasons = (DecisionReasons + "\n" + reasons.Trim()).Trim();
        DecidedByUserId = boardMemberId;
        DecidedAtUtc = nowUtc;
    }

    /// <summary>Approved, and today within its period (both days included, in UTC).</summary>
    public bool IsInForce(DateTime nowUtc)
    {
        var today = DateOnly.FromDateTime(nowUtc);
        return Status == ExceptionalUseStatus.Approved && today >= StartsOn && today <= EndsOn;
    }

    private void Decide(ExceptionalUseStatus outcome, string boardMemberId, string reasons, DateTime nowUtc)
    {
        if (Status != ExceptionalUseStatus.Pending)
        {
            throw new InvalidOperationException("This request has already been decided.");
        }

        if (string.IsNullOrWhiteSpace(reasons))
        {
            throw new ArgumentException("A decision gives its reasons.", nameof(reasons));
        }

        if (boardMemberId == RequestedByUserId)
        {
            throw new InvalidOperationException("Nobody decides on their own request.");
        }

        Status = outcome;
        DecisionReasons = reasons.Trim();
        DecidedByUserId = boardMemberId;
        DecidedAtUtc = nowUtc;
    }
}
