using Reflexes.Web.Modules.DataTrust.Contracts;

namespace Reflexes.Web.Modules.Outreach.Domain;

/// <summary>Where a person of a campaign's target list stands (stored by name).</summary>
public enum CallTargetStatus
{
    /// <summary>To be called once due.</summary>
    Waiting,

    /// <summary>Handed to a caller until the reservation ends.</summary>
    Reserved,

    /// <summary>Nothing more to do in this campaign.</summary>
    Done,
}

/// <summary>
/// A person of a campaign's target list: the queue row callers claim, one at a time. While reserved,
/// <see cref="DueAtUtc"/> holds the end of the reservation, so that one condition (due, not done)
/// finds both waiting people and abandoned reservations. Being in a campaign says something about the
/// person, so it is resident data.
/// </summary>
public sealed class CallTarget : IResidentData
{
    /// <summary>The due date of people with nothing more to do: keeps them out of the claim's index range.</summary>
    public static readonly DateTime Never = new(9000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private CallTarget()
    {
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    public Guid RegistrantId { get; private set; }

    public Guid SubjectId { get; private set; }

    public CallTargetStatus Status { get; private set; }

    public DateTime DueAtUtc { get; private set; }

    /// <summary>Unanswered tries since the person was last reached (or since the start).</summary>
    public int Attempts { get; private set; }

    /// <summary>A previous difficulty (a referral, a refusal, a wrong number): only experienced callers get this person.</summary>
    public bool Complex { get; private set; }

    public Guid? ReservedByCallerId { get; private set; }

    /// <summary>Changes at each hand-out; an outcome changes the queue only under the token of the current hand-out.</summary>
    public Guid? ReservationToken { get; private set; }

    public CallOutcome? LastOutcome { get; private set; }

    public DateTime? LastCallAtUtc { get; private set; }

    public int CallsMade { get; private set; }

    public static CallTarget For(Guid campaignId, Guid registrantId, Guid subjectId, bool complex, DateTime dueAtUtc) => new()
    {
        Id = Guid.NewGuid(),
        CampaignId = campaignId,
        RegistrantId = registrantId,
        SubjectId = subjectId,
        Status = CallTargetStatus.Waiting,
        DueAtUtc = dueAtUtc,
        Complex = complex,
    };

    /// <summary>What the queue does after an outcome: the next status, due date and tries.</summary>
    public static (CallTargetStatus Status, DateTime DueAtUtc, int Attempts) Next(
        CallOutcome outcome, int attempts, CampaignRules rules, DateTime nowUtc, DateTime? callBackAtUtc) => outcome switch
        {
            CallOutcome.Reached when rules.FollowUpEveryDays is { } days => (CallTargetStatus.Waiting, nowUtc.AddDays(days), 0),
            CallOutcome.Reached => (CallTargetStatus.Done, Never, 0),
            CallOutcome.NoAnswer when attempts + 1 >= rules.MaxAttempts => (CallTargetStatus.Done, Never, attempts + 1),
            CallOutcome.NoAnswer => (CallTargetStatus.Waiting, nowUtc.AddHours(rules.RetryAfterHours), attempts + 1),
            CallOutcome.CallBack => (CallTargetStatus.Waiting, callBackAtUtc ?? throw new ArgumentException("A call back needs a time.", nameof(callBackAtUtc)), attempts),
            _ => (CallTargetStatus.Done, Never, attempts),
        };

    /// <summary>Outcomes that make the next call a complex one.</summary>
    public static bool IsDifficulty(CallOutcome outcome) => outcome is CallOutcome.Refused or CallOutcome.WrongNumber;
}
