using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Consents;
using Reflexes.Web.Modules.DataTrust.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.DataTrust.Contracts;

/// <summary>
/// The one door to residents' personal data. Every module asks it before reading a person's data and
/// tells it the purpose; it allows the read only when the purpose's legal basis holds for that person
/// (consent given and current, or another basis), and every decision — allowed or not — is written to
/// the access journal. Lists are filtered the same way, person by person.
/// </summary>
public sealed class PersonalDataAccess(ReflexesDbContext db, ConsentLedger ledger, AccessJournal journal, PersonalDataGrants grants, TimeProvider clock)
{
    /// <summary>Purpose codes of exceptional uses approved by the data board start with this.</summary>
    public const string ExceptionalPrefix = "exceptional-";

    /// <summary>
    /// Decides one read and records the decision before returning: two round trips, one to read the
    /// purpose, the person and their latest choice, one to write the audit entry (docs/adr/0516).
    /// </summary>
    public async Task<AccessDecision> AuthoriseAsync(AccessRequest request, ClaimsPrincipal reader, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var decision = await DecideOneAsync(request.SubjectId, request.PurposeCode, reader, ct);
        await journal.RecordAsync(request, ReaderId(reader), decision, ct);
        if (decision.Allowed)
        {
            grants.Allow(request.SubjectId);
        }

        return decision;
    }

    /// <summary>
    /// Reads for the person's own rights (access, portability, erasure), which the law requires
    /// (GDPR articles 15 to 17): always allowed for the person themself or the data-protection officer
    /// handling their request, and recorded like any other read.
    /// </summary>
    public async Task AuthoriseForDataSubjectRightsAsync(Guid subjectId, string action, ClaimsPrincipal reader, CancellationToken ct)
    {
        var decision = ReaderId(reader) is null
            ? AccessDecision.Deny(AccessReason.NoReader)
            : new AccessDecision(true, AccessReason.DataSubjectRights, ConsentState.NotAsked);
        await journal.RecordAsync(new AccessRequest(subjectId, "data-subject-rights", action, "all"), ReaderId(reader), decision, ct);
        if (!decision.Allowed)
        {
            throw new PersonalDataAccessException("personal data");
        }

        grants.Allow(subjectId);
    }

    /// <summary>The subjects of <paramref name="subjectIds"/> whose data the purpose may use, in the given order.</summary>
    public async Task<IReadOnlyList<Guid>> FilterAsync(
        IReadOnlyCollection<Guid> subjectIds, string purposeCode, string action, ClaimsPrincipal reader, CancellationToken ct)
    {
        var decisions = await DecideAsync(subjectIds, purposeCode, reader, ct);
        var readerId = ReaderId(reader);
        // One transaction for the whole list: the audit log takes its lock once, and either every
        // decision is recorded or none is.
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            foreach (var id in subjectIds)
            {
                await journal.RecordAsync(new AccessRequest(id, purposeCode, action, "list"), readerId, decisions[id], ct);
            }

            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }

        var allowed = subjectIds.Where(id => decisions[id].Allowed).ToList();
        allowed.ForEach(grants.Allow);
        return allowed;
    }

    private async Task<AccessDecision> DecideOneAsync(Guid subjectId, string purposeCode, ClaimsPrincipal reader, CancellationToken ct)
    {
        if (ReaderId(reader) is null || purposeCode.StartsWith(ExceptionalPrefix, StringComparison.Ordinal))
        {
            return (await DecideAsync([subjectId], purposeCode, reader, ct))[subjectId];
        }

        return await ledger.CurrentPurposeAndStateAsync(purposeCode, subjectId, ct) is { } found
            ? Decide(found.Purpose, found.SubjectKnown, found.State)
            : AccessDecision.Deny(AccessReason.UnknownPurpose);
    }

    private async Task<Dictionary<Guid, AccessDecision>> DecideAsync(
        IReadOnlyCollection<Guid> subjectIds, string purposeCode, ClaimsPrincipal reader, CancellationToken ct)
    {
        if (ReaderId(reader) is null)
        {
            return subjectIds.Distinct().ToDictionary(id => id, _ => AccessDecision.Deny(AccessReason.NoReader));
        }

        var ids = subjectIds.Distinct().ToList();
        var known = (await db.DataSubjects.Where(s => ids.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct)).ToHashSet();
        if (purposeCode.StartsWith(ExceptionalPrefix, StringComparison.Ordinal))
        {
            var use = await db.ExceptionalUses.AsNoTracking().FirstOrDefaultAsync(u => u.Reference == purposeCode, ct);
            var inForce = use is not null && use.IsInForce(clock.GetUtcNow().UtcDateTime);
            return ids.ToDictionary(id => id, id =>
                use is null ? AccessDecision.Deny(AccessReason.UnknownPurpose)
                : !known.Contains(id) ? AccessDecision.Deny(AccessReason.UnknownSubject)
                : inForce ? new AccessDecision(true, AccessReason.ExceptionalUseApproved, ConsentState.NotAsked)
                : AccessDecision.Deny(AccessReason.ExceptionalUseNotInForce));
        }

        var purpose = await ledger.CurrentPurposeAsync(purposeCode, ct);
        if (purpose is null)
        {
            return ids.ToDictionary(id => id, _ => AccessDecision.Deny(AccessReason.UnknownPurpose));
        }

        var states = await ledger.StatesAsync(purpose, known, ct);
        return ids.ToDictionary(id => id, id => Decide(purpose, known.Contains(id), known.Contains(id) ? states[id] : ConsentState.NotAsked));
    }

    /// <summary>The rule, for a purpose that is in the register: an unknown person is refused; another legal basis allows; consent must be given and current.</summary>
    private static AccessDecision Decide(ProcessingPurpose purpose, bool known, ConsentState state)
    {
        if (!known)
        {
            return AccessDecision.Deny(AccessReason.UnknownSubject);
        }

        if (!purpose.RequiresConsent)
        {
            return new AccessDecision(true, AccessReason.OtherLegalBasis, state);
        }

        return ConsentRule.Allows(purpose, state)
            ? new AccessDecision(true, AccessReason.ConsentGiven, state)
            : AccessDecision.Deny(AccessReason.NoCurrentConsent, state);
    }

    private static string? ReaderId(ClaimsPrincipal reader) =>
        reader.Identity?.IsAuthenticated == true ? reader.FindFirstValue(ClaimTypes.NameIdentifier) : null;
}
