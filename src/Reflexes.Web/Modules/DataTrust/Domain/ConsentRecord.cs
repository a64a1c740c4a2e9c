using Reflexes.Web.Modules.DataTrust.Contracts;

namespace Reflexes.Web.Modules.DataTrust.Domain;

/// <summary>
/// One choice by one person about one purpose version, never changed afterwards: a later choice is a new
/// record. Each record is the subject of a consent receipt.
/// </summary>
public sealed class ConsentRecord
{
    public const int MaxOnBehalfOfLength = 200;

    private ConsentRecord()
    {
    }

    public Guid Id { get; private set; }

    public Guid SubjectId { get; private set; }

    public Guid PurposeId { get; private set; }

    public ConsentChoice Choice { get; private set; }

    public ConsentChannel Channel { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }

    /// <summary>The account that recorded the choice: the person themself, or the agent.</summary>
    public string RecordedByUserId { get; private set; } = "";

    /// <summary>Who spoke for the person, when not the person (e.g. "daughter", "guardian").</summary>
    public string? OnBehalfOf { get; private set; }

    /// <summary>When a given consent stops being valid (null: until withdrawn).</summary>
    public DateTime? ExpiresAtUtc { get; private set; }

    public static ConsentRecord Record(
        DataSubject subject,
        ProcessingPurpose purpose,
        ConsentChoice choice,
        ConsentChannel channel,
        string recordedByUserId,
        string? onBehalfOf,
        DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedByUserId);
        if (channel == ConsentChannel.SelfService && !string.IsNullOrWhiteSpace(onBehalfOf))
        {
            throw new ArgumentException("A choice made by the person themself is not made on someone's behalf.", nameof(onBehalfOf));
        }

        if (onBehalfOf?.Trim().Length > MaxOnBehalfOfLength)
        {
            throw new ArgumentException("Too long.", nameof(onBehalfOf));
        }

        return new ConsentRecord
        {
            Id = Guid.NewGuid(),
            SubjectId = subject.Id,
            PurposeId = purpose.Id,
            Choice = choice,
            Channel = channel,
            RecordedAtUtc = nowUtc,
            RecordedByUserId = recordedByUserId,
            OnBehalfOf = string.IsNullOrWhiteSpace(onBehalfOf) ? null : onBehalfOf.Trim(),
            ExpiresAtUtc = choice == ConsentChoice.Given ? purpose.ConsentExpiry(nowUtc) : null,
        };
    }
}
