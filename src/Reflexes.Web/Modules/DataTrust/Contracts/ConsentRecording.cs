using Reflexes.Web.Modules.DataTrust.Consents;
using Reflexes.Web.Modules.DataTrust.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.DataTrust.Contracts;

/// <summary>What other modules may do with people's choices: create a data subject and record a choice made through an agent.</summary>
public sealed class ConsentRecording(ReflexesDbContext db, ConsentLedger ledger, TimeProvider clock)
{
    public sealed record PurposeChoice(string Code, string Title, string Description = "");

    /// <summary>Who recorded a choice made on a public form by a person without an account.</summary>
    public const string PublicForm = "public-form";

    /// <summary>The purposes resting on consent, for a form that asks the person.</summary>
    public async Task<IReadOnlyList<PurposeChoice>> ConsentPurposesAsync(CancellationToken ct) =>
        [.. (await ledger.CurrentPurposesAsync(ct)).Where(p => p.RequiresConsent).Select(p => new PurposeChoice(p.Code, p.Title, p.Description))];

    /// <summary>A new data subject for a person who has no account (registered by phone, on paper, in person).</summary>
    public async Task<Guid> NewSubjectAsync(CancellationToken ct)
    {
        var subject = DataSubject.Create(null, clock.GetUtcNow().UtcDateTime);
        db.DataSubjects.Add(subject);
        await db.SaveChangesAsync(ct);
        return subject.Id;
    }

    /// <summary>Records a choice the person made through an agent, with who spoke for them when it was not the person.</summary>
    public async Task RecordThroughAgentAsync(
        Guid subjectId, string purposeCode, bool given, ConsentChannel channel, string agentUserId, string? onBehalfOf, CancellationToken ct)
    {
        if (channel == ConsentChannel.SelfService)
        {
            throw new ArgumentException("An agent records choices made by phone, on paper or in person.", nameof(channel));
        }

        var subject = await db.DataSubjects.FindAsync([subjectId], ct) ?? throw new ArgumentException("Unknown data subject.", nameof(subjectId));
        await ledger.RecordAsync(subject, purposeCode, given ? ConsentChoice.Given : ConsentChoice.Withdrawn, channel, agentUserId, onBehalfOf, ct);
    }

    /// <summary>The data subject of a signed-in person's account, created the first time it is needed.</summary>
    public async Task<Guid> SubjectOfAccountAsync(string userId, CancellationToken ct) => (await ledger.SubjectOfUserAsync(userId, ct)).Id;

    /// <summary>Records a consent the signed-in person gave themself (on a form that asked them), unless it is already current.</summary>
    public async Task GiveOwnConsentAsync(string userId, string purposeCode, CancellationToken ct)
    {
        var subject = await ledger.SubjectOfUserAsync(userId, ct);
        if (await ledger.StateAsync(subject.Id, purposeCode, ct) != ConsentState.Given)
        {
            await ledger.RecordAsync(subject, purposeCode, ConsentChoice.Given, ConsentChannel.SelfService, userId, null, ct);
        }
    }

    /// <summary>Records a choice the signed-in person made themself, as the "my data" page does.</summary>
    public async Task RecordOwnChoiceAsync(string userId, string purposeCode, bool given, CancellationToken ct)
    {
        var subject = await ledger.SubjectOfUserAsync(userId, ct);
        await ledger.RecordAsync(subject, purposeCode, given ? ConsentChoice.Given : ConsentChoice.Withdrawn, ConsentChannel.SelfService, userId, null, ct);
    }

    public async Task<bool> HasCurrentConsentAsync(Guid subjectId, string purposeCode, CancellationToken ct) =>
        await ledger.StateAsync(subjectId, purposeCode, ct) == ConsentState.Given;

    /// <summary>The data subject of a signed-in person's account (created the first time).</summary>
    public async Task<Guid> SubjectOfUserAsync(string userId, CancellationToken ct) => (await ledger.SubjectOfUserAsync(userId, ct)).Id;

    /// <summary>
    /// Records a choice the person made themself on the platform, signed in (their user id) or on a public
    /// form (<see cref="PublicForm"/>); returns the record, which is the receipt's subject.
    /// </summary>
    public async Task<Guid> RecordSelfServiceAsync(Guid subjectId, string purposeCode, bool given, string recordedBy, CancellationToken ct)
    {
        var subject = await db.DataSubjects.FindAsync([subjectId], ct) ?? throw new ArgumentException("Unknown data subject.", nameof(subjectId));
        var record = await ledger.RecordAsync(subject, purposeCode, given ? ConsentChoice.Given : ConsentChoice.Withdrawn, ConsentChannel.SelfService, recordedBy, null, ct);
        return record.Id;
    }

    /// <summary>
    /// Records a consent collected earlier outside Reflexes (an imported list), dated the day it was
    /// collected so that its validity runs from then and a later withdrawal still prevails.
    /// </summary>
    public async Task RecordCollectedAsync(Guid subjectId, string purposeCode, ConsentChannel channel, string agentUserId, DateTime collectedAtUtc, CancellationToken ct)
    {
        if (channel == ConsentChannel.SelfService || collectedAtUtc > clock.GetUtcNow().UtcDateTime)
        {
            throw new ArgumentException("A collected consent comes by phone, on paper or in person, and not from the future.", nameof(channel));
        }

        var subject = await db.DataSubjects.FindAsync([subjectId], ct) ?? throw new ArgumentException("Unknown data subject.", nameof(subjectId));
        var purpose = await ledger.CurrentPurposeAsync(purposeCode, ct) ?? throw new ArgumentException("Unknown purpose.", nameof(purposeCode));
        db.ConsentRecords.Add(ConsentRecord.Record(subject, purpose, ConsentChoice.Given, channel, agentUserId, null, collectedAtUtc));
        await db.SaveChangesAsync(ct);
    }
}
