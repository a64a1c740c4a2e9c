using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Outreach.Registry;

/// <summary>
/// The only place that touches the register's rows. Every read goes through the access service under the
/// register's purpose: a person whose consent is withdrawn or expired is neither listed nor shown.
/// </summary>
public sealed class RegistryDesk(ReflexesDbContext db, PersonalDataAccess access, ConsentRecording consents, TimeProvider clock)
{
    public const string Purpose = "heatwave-register";

    /// <summary>The public-task purpose under which agents read a third party's request to confirm it with the person (ADR 0530).</summary>
    public const string ConfirmationPurpose = "heatwave-register-confirmation";

    public sealed record Listing(IReadOnlyList<Registrant> Shown, int Hidden);

    public async Task<Listing> ListAsync(Guid? neighbourhoodId, EligibilityGround? ground, ClaimsPrincipal reader, CancellationToken ct)
    {
        var candidates = await db.Registrants
            .Where(r => r.WithdrawnAtUtc == null && r.Status == RegistrantStatus.Active && (neighbourhoodId == null || r.NeighbourhoodId == neighbourhoodId) && (ground == null || r.Ground == ground))
            .Select(r => r.SubjectId).ToListAsync(ct);
        var allowed = await access.FilterAsync(candidates, Purpose, "outreach.registry-list", reader, ct);
        var shown = await db.Registrants.AsNoTracking().Where(r => allowed.Contains(r.SubjectId)).ToListAsync(ct);
        return new Listing([.. shown.OrderBy(r => r.LastName, StringComparer.CurrentCulture).ThenBy(r => r.FirstName, StringComparer.CurrentCulture)], candidates.Count - allowed.Count);
    }

    /// <summary>One registration, or why it cannot be read.</summary>
    public async Task<(Registrant? Registrant, AccessDecision? Decision)> GetAsync(Guid id, string action, ClaimsPrincipal reader, CancellationToken ct)
    {
        var found = await db.Registrants.Where(r => r.Id == id).Select(r => new { r.SubjectId, r.Status }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return (null, null);
        }

        var purpose = found.Status == RegistrantStatus.ToConfirm ? ConfirmationPurpose : Purpose;
        var decision = await access.AuthoriseAsync(new AccessRequest(found.SubjectId, purpose, action, "registrant/" + id), reader, ct);
        return decision.Allowed ? (await db.Registrants.FirstAsync(r => r.Id == id, ct), decision) : (null, decision);
    }

    /// <summary>Registers a person told by phone, on paper or in person, with the purposes they agreed to.</summary>
    public async Task<Registrant> RegisterAsync(
        RegistrantDetails details, RegisteredBy registeredBy, string? onBehalfOf, ConsentChannel channel,
        IReadOnlyCollection<string> agreedPurposes, string agentUserId, CancellationToken ct)
    {
        if (!agreedPurposes.Contains(Purpose))
        {
            throw new ArgumentException("A registration needs the person's agreement to the register itself.", nameof(agreedPurposes));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var subjectId = await consents.NewSubjectAsync(ct);
        foreach (var code in agreedPurposes)
        {
            await consents.RecordThroughAgentAsync(subjectId, code, given: true, channel, agentUserId, onBehalfOf, ct);
        }

        var registrant = Registrant.Register(subjectId, details, registeredBy, agentUserId, clock.GetUtcNow().UtcDateTime);
        db.Registrants.Add(registrant);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return registrant;
    }

    /// <summary>Corrects the registration at the person's request; false when it cannot be read.</summary>
    public async Task<bool> CorrectAsync(Guid id, RegistrantDetails details, ClaimsPrincipal agent, CancellationToken ct)
    {
        var (registrant, _) = await GetAsync(id, "outreach.registry-correct", agent, ct);
        if (registrant is null)
        {
            return false;
        }

        registrant.Correct(details, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Withdraws the registration: the consent is withdrawn at once and the row is kept only as withdrawn.</summary>
    public async Task<bool> WithdrawAsync(Guid id, ConsentChannel channel, string? onBehalfOf, ClaimsPrincipal agent, CancellationToken ct)
    {
        var (registrant, _) = await GetAsync(id, "outreach.registry-withdraw", agent, ct);
        if (registrant is null)
        {
            return false;
        }

        registrant.Withdraw(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await consents.RecordThroughAgentAsync(registrant.SubjectId, Purpose, given: false, channel, agent.FindFirstValue(ClaimTypes.NameIdentifier)!, onBehalfOf, ct);
        return true;
    }

    /// <summary>The registrations a third party asked for online, waiting for a confirmation call, oldest first.</summary>
    public async Task<Listing> ToConfirmAsync(ClaimsPrincipal reader, CancellationToken ct)
    {
        var candidates = await db.Registrants.Where(r => r.Status == RegistrantStatus.ToConfirm).Select(r => r.SubjectId).ToListAsync(ct);
        var allowed = await access.FilterAsync(candidates, ConfirmationPurpose, "outreach.registry-to-confirm", reader, ct);
        var shown = await db.Registrants.AsNoTracking().Where(r => allowed.Contains(r.SubjectId)).ToListAsync(ct);
        return new Listing([.. shown.OrderBy(r => r.RegisteredAtUtc)], candidates.Count - allowed.Count);
    }

    /// <summary>The person, called, agreed to the registration a third party asked for: their own consent is recorded now.</summary>
    public async Task<bool> ConfirmAsync(Guid id, ConsentChannel channel, IReadOnlyCollection<string> agreedPurposes, ClaimsPrincipal agent, CancellationToken ct)
    {
        if (!agreedPurposes.Contains(Purpose))
        {
            throw new ArgumentException("Confirming needs the person's agreement to the register itself.", nameof(agreedPurposes));
        }

        var (registrant, _) = await GetAsync(id, "outreach.registry-confirm", agent, ct);
        if (registrant is null || registrant.Status != RegistrantStatus.ToConfirm)
        {
            return false;
        }

        await using var transaction = await OwnedTransaction.BeginAsync(db, ct);
        foreach (var code in agreedPurposes)
        {
            await consents.RecordThroughAgentAsync(registrant.SubjectId, code, given: true, channel, agent.FindFirstValue(ClaimTypes.NameIdentifier)!, null, ct);
        }

        registrant.Confirm();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>The person did not want the registration a third party asked for: it is erased, nothing about them is kept.</summary>
    public async Task<bool> DeclineAsync(Guid id, ClaimsPrincipal agent, CancellationToken ct)
    {
        var (registrant, _) = await GetAsync(id, "outreach.registry-decline", agent, ct);
        if (registrant is null || registrant.Status != RegistrantStatus.ToConfirm)
        {
            return false;
        }

        db.Registrants.Remove(registrant);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Erases the requests of third parties registered before the cutoff and never confirmed with the person
    /// (no consent was ever recorded for them, ADR 0530); returns how many. Reads nothing about anyone.
    /// </summary>
    internal async Task<int> EraseUnconfirmedRequestsAsync(DateTime cutoffUtc, CancellationToken ct) =>
        await db.Registrants.Where(r => r.Status == RegistrantStatus.ToConfirm && r.RegisteredAtUtc < cutoffUtc).ExecuteDeleteAsync(ct);

    /// <summary>What a person filled in online for themself: registered at once, their consent recorded as self-service.</summary>
    public sealed record OnlineOutcome(Registrant Registrant, IReadOnlyList<(string Purpose, Guid Receipt)> Receipts);

    /// <summary>
    /// The person registers themself online. Signed in, the registration belongs to their account (and a
    /// withdrawn one comes back); without an account, a new data subject is created and the public form
    /// is named as the recorder. Returns null when the account already holds an active registration.
    /// </summary>
    public async Task<OnlineOutcome?> RegisterSelfAsync(RegistrantDetails details, IReadOnlyCollection<string> agreedPurposes, ClaimsPrincipal person, CancellationToken ct)
    {
        if (!agreedPurposes.Contains(Purpose))
        {
            throw new ArgumentException("A registration needs the person's agreement to the register itself.", nameof(agreedPurposes));
        }

        var userId = SignedInUser(person);
        await using var transaction = await OwnedTransaction.BeginAsync(db, ct);
        var subjectId = userId is null ? await consents.NewSubjectAsync(ct) : await consents.SubjectOfUserAsync(userId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        Registrant registrant;
        if (userId is not null && await db.Registrants.AnyAsync(r => r.SubjectId == subjectId, ct))
        {
            // The person's own registration, read for their own rights.
            await access.AuthoriseForDataSubjectRightsAsync(subjectId, "outreach.registry-own-register", person, ct);
            registrant = await db.Registrants.FirstAsync(r => r.SubjectId == subjectId, ct);
            if (registrant.WithdrawnAtUtc is null && registrant.Status == RegistrantStatus.Active)
            {
                return null;
            }

            registrant.Reinstate(details, RegisteredBy.Self, userId, now);
        }
        else
        {
            registrant = Registrant.Register(subjectId, details, RegisteredBy.Self, userId ?? ConsentRecording.PublicForm, now);
            db.Registrants.Add(registrant);
        }

        var receipts = new List<(string, Guid)>();
        foreach (var code in agreedPurposes)
        {
            receipts.Add((code, await consents.RecordSelfServiceAsync(subjectId, code, given: true, userId ?? ConsentRecording.PublicForm, ct)));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new OnlineOutcome(registrant, receipts);
    }

    /// <summary>
    /// Someone registers another person online. No consent is recorded: the request waits, readable only to
    /// confirm it, until an agent has called the person (ADR 0530).
    /// </summary>
    public async Task<Registrant> RequestForSomeoneAsync(
        RegistrantDetails details, RegisteredBy relation, string requester, IReadOnlyCollection<string> requestedPurposes, ClaimsPrincipal filler, CancellationToken ct)
    {
        await using var transaction = await OwnedTransaction.BeginAsync(db, ct);
        var subjectId = await consents.NewSubjectAsync(ct);
        var registrant = Registrant.RequestByThirdParty(subjectId, details, relation, requester, requestedPurposes,
            SignedInUser(filler) ?? ConsentRecording.PublicForm, clock.GetUtcNow().UtcDateTime);
        db.Registrants.Add(registrant);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return registrant;
    }

    /// <summary>The signed-in person's own registration, read for their own rights (recorded), if they have one.</summary>
    public async Task<Registrant?> OwnAsync(ClaimsPrincipal person, CancellationToken ct)
    {
        if (SignedInUser(person) is not { } userId)
        {
            return null;
        }

        var subjectId = await consents.SubjectOfUserAsync(userId, ct);
        if (!await db.Registrants.AnyAsync(r => r.SubjectId == subjectId, ct))
        {
            return null;
        }

        await access.AuthoriseForDataSubjectRightsAsync(subjectId, "outreach.registry-own", person, ct);
        return await db.Registrants.FirstAsync(r => r.SubjectId == subjectId, ct);
    }

    /// <summary>The person corrects their own registration; false when they have none in force.</summary>
    public async Task<bool> CorrectOwnAsync(RegistrantDetails details, ClaimsPrincipal person, CancellationToken ct)
    {
        if (await OwnAsync(person, ct) is not { WithdrawnAtUtc: null } registrant)
        {
            return false;
        }

        registrant.Correct(details, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The person withdraws their own registration in one step: the register's consent is withdrawn, with a receipt.</summary>
    public async Task<Guid?> WithdrawOwnAsync(ClaimsPrincipal person, CancellationToken ct)
    {
        if (await OwnAsync(person, ct) is not { WithdrawnAtUtc: null } registrant)
        {
            return null;
        }

        await using var transaction = await OwnedTransaction.BeginAsync(db, ct);
        registrant.Withdraw(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        var receipt = await consents.RecordSelfServiceAsync(registrant.SubjectId, Purpose, given: false, SignedInUser(person)!, ct);
        await transaction.CommitAsync(ct);
        return receipt;
    }

    /// <summary>How a registration was merged with other records, for one the access service already allowed.</summary>
    public async Task<IReadOnlyList<RegistrantMerge>> MergesAsync(Registrant allowed, CancellationToken ct) =>
        await db.RegistrantMerges.AsNoTracking().Where(m => m.SubjectId == allowed.SubjectId).OrderBy(m => m.MergedAtUtc).ToListAsync(ct);

    /// <summary>The registrations an import is compared with: those the register's purpose may read now (recorded as one list read).</summary>
    internal async Task<IReadOnlyList<Registrant>> ImportCandidatesAsync(ClaimsPrincipal agent, CancellationToken ct)
    {
        var candidates = await db.Registrants.Where(r => r.WithdrawnAtUtc == null && r.Status == RegistrantStatus.Active).Select(r => r.SubjectId).ToListAsync(ct);
        var allowed = await access.FilterAsync(candidates, Purpose, "outreach.registry-import-match", agent, ct);
        return await db.Registrants.AsNoTracking().Where(r => allowed.Contains(r.SubjectId)).ToListAsync(ct);
    }

    /// <summary>Some registrations by id, as far as the register's purpose allows (recorded as a list read).</summary>
    internal async Task<IReadOnlyList<Registrant>> ReadManyAsync(IReadOnlyCollection<Guid> ids, string action, ClaimsPrincipal reader, CancellationToken ct)
    {
        var candidates = await db.Registrants.Where(r => ids.Contains(r.Id) && r.WithdrawnAtUtc == null && r.Status == RegistrantStatus.Active)
            .Select(r => r.SubjectId).ToListAsync(ct);
        var allowed = await access.FilterAsync(candidates, Purpose, action, reader, ct);
        return await db.Registrants.Where(r => allowed.Contains(r.SubjectId)).ToListAsync(ct);
    }

    /// <summary>A new registration from an imported row, with the list's consent dated when it was collected.</summary>
    internal async Task<Registrant> CreateImportedAsync(RegistrantDetails details, RegistrantImportBatch batch, string agentUserId, CancellationToken ct)
    {
        var subjectId = await consents.NewSubjectAsync(ct);
        await consents.RecordCollectedAsync(subjectId, batch.PurposeCode, batch.Channel, agentUserId, CollectedAtUtc(batch), ct);
        var registrant = Registrant.Import(subjectId, details, batch.Id, agentUserId, clock.GetUtcNow().UtcDateTime);
        db.Registrants.Add(registrant);
        await db.SaveChangesAsync(ct);
        return registrant;
    }

    /// <summary>
    /// Merges another record into a registration as the agent chose field by field and keeps the history.
    /// With a batch, the absorbed record is an imported row whose consent (dated when collected) joins the
    /// registration's own. Returns false when the merged details are not valid.
    /// </summary>
    internal async Task<bool> MergeIntoAsync(
        Registrant survivor, RegistrantDetails absorbed, IReadOnlyDictionary<string, string> choices, string kept, string absorbedLabel,
        RegistrantImportBatch? batch, string agentUserId, CancellationToken ct)
    {
        var current = survivor.Details();
        var merged = RegistrantMerging.Combine(current, absorbed, choices);
        var now = clock.GetUtcNow().UtcDateTime;
        if (merged.Details.Validate(DateOnly.FromDateTime(now)).Count > 0)
        {
            return false;
        }

        survivor.Correct(merged.Details, now);
        db.RegistrantMerges.Add(RegistrantMerge.Record(survivor, kept, absorbedLabel, merged.Sources, merged.SetAside, agentUserId, now));
        await db.SaveChangesAsync(ct);
        if (batch is not null)
        {
            await consents.RecordCollectedAsync(survivor.SubjectId, batch.PurposeCode, batch.Channel, agentUserId, CollectedAtUtc(batch), ct);
        }

        return true;
    }

    /// <summary>Why a merge of two registrations did not happen.</summary>
    public enum RegisterMergeResult
    {
        Merged,
        NotFound,
        Invalid,
        InCall,
    }

    /// <summary>
    /// Merges another registration of the same person into this one (ADR 0534), in one transaction: the
    /// fields as the agent chose them, a merge history entry, the other record's current consents carried
    /// over, its calls, call targets, referrals and earlier merge history moved to the kept record, then
    /// the other registration removed. Refused while someone is calling the other record.
    /// </summary>
    public async Task<RegisterMergeResult> MergeRegistrationsAsync(Guid keptId, Guid otherId, IReadOnlyDictionary<string, string> choices, ClaimsPrincipal agent, CancellationToken ct)
    {
        if (keptId == otherId)
        {
            return RegisterMergeResult.NotFound;
        }

        var (kept, _) = await GetAsync(keptId, "outreach.registry-merge", agent, ct);
        var (other, _) = await GetAsync(otherId, "outreach.registry-merge", agent, ct);
        if (kept is not { Status: RegistrantStatus.Active, WithdrawnAtUtc: null } || other is not { Status: RegistrantStatus.Active, WithdrawnAtUtc: null })
        {
            return RegisterMergeResult.NotFound;
        }

        if (await db.CallTargets.AnyAsync(t => t.RegistrantId == other.Id && t.ReservedByCallerId != null, ct))
        {
            return RegisterMergeResult.InCall;
        }

        var agentId = agent.FindFirstValue(ClaimTypes.NameIdentifier)!;
        await using var transaction = await OwnedTransaction.BeginAsync(db, ct);
        var absorbed = other.Details();
        if (!await MergeIntoAsync(kept, absorbed, choices, Label(kept), Label(other), null, agentId, ct))
        {
            return RegisterMergeResult.Invalid;
        }

        // The person agreed to these purposes on the other record: the agreement follows them. The other
        // record's own consent history stays in the trust, under its data subject.
        foreach (var purpose in await consents.ConsentPurposesAsync(ct))
        {
            if (await consents.HasCurrentConsentAsync(other.SubjectId, purpose.Code, ct) && !await consents.HasCurrentConsentAsync(kept.SubjectId, purpose.Code, ct))
            {
                await consents.RecordThroughAgentAsync(kept.SubjectId, purpose.Code, given: true, ConsentChannel.InPerson, agentId, "merged registration " + other.Id.ToString("D"), ct);
            }
        }

        // Calls and referrals about the person now belong to the kept record; where both records were
        // targets of the same campaign, the kept record's target stays and the other's goes.
        var keptCampaigns = await db.CallTargets.Where(t => t.RegistrantId == kept.Id).Select(t => t.CampaignId).ToListAsync(ct);
        await db.CallTargets.Where(t => t.RegistrantId == other.Id && keptCampaigns.Contains(t.CampaignId)).ExecuteDeleteAsync(ct);
        await db.CallTargets.Where(t => t.RegistrantId == other.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.RegistrantId, kept.Id).SetProperty(t => t.SubjectId, kept.SubjectId), ct);
        await db.CallRecords.Where(c => c.RegistrantId == other.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.RegistrantId, kept.Id).SetProperty(c => c.SubjectId, kept.SubjectId), ct);
        var referrals = await db.Referrals.Where(r => r.RegistrantId == other.Id).Select(r => r.Id).ToListAsync(ct);
        await db.ReferralEvents.Where(e => referrals.Contains(e.ReferralId)).ExecuteUpdateAsync(u => u.SetProperty(e => e.SubjectId, kept.SubjectId), ct);
        await db.Referrals.Where(r => r.RegistrantId == other.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.RegistrantId, kept.Id).SetProperty(r => r.SubjectId, kept.SubjectId), ct);
        await db.RegistrantMerges.Where(m => m.RegistrantId == other.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.RegistrantId, kept.Id).SetProperty(m => m.SubjectId, kept.SubjectId), ct);
        db.Registrants.Remove(other);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return RegisterMergeResult.Merged;
    }

    private static string Label(Registrant r) => "registration:" + r.RegisteredAtUtc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Registrations an agent may merge with this one: active ones whose name or phone contains the search, read through the access service.</summary>
    public async Task<IReadOnlyList<Registrant>> SearchOthersAsync(Guid id, string query, ClaimsPrincipal reader, CancellationToken ct)
    {
        var folded = Fold(query);
        var digits = new string(query.Where(char.IsAsciiDigit).ToArray());
        if (folded.Length < 2 && digits.Length < 4)
        {
            return [];
        }

        var listing = await ListAsync(null, null, reader, ct);
        return [.. listing.Shown.Where(r => r.Id != id
            && ((folded.Length >= 2 && (Fold(r.FirstName + " " + r.LastName).Contains(folded, StringComparison.Ordinal) || Fold(r.LastName + " " + r.FirstName).Contains(folded, StringComparison.Ordinal)))
                || (digits.Length >= 4 && new string((r.Phone + " " + r.OtherPhone).Where(char.IsAsciiDigit).ToArray()).Contains(digits, StringComparison.Ordinal))))
            .Take(20)];
    }

    private static string Fold(string text)
    {
        var decomposed = text.Trim().Normalize(System.Text.NormalizationForm.FormD);
        return new string([.. decomposed.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).Select(char.ToLowerInvariant)]);
    }

    private DateTime CollectedAtUtc(RegistrantImportBatch batch)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var collected = batch.CollectedOn.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        return collected > now ? now : collected;
    }

    private static string? SignedInUser(ClaimsPrincipal person) =>
        person.Identity?.IsAuthenticated == true ? person.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    /// <summary>The registration of a person the access service already allowed (rights handling), if any.</summary>
    internal async Task<Registrant?> OfSubjectAsync(Guid subjectId, CancellationToken ct) =>
        await db.Registrants.FirstOrDefaultAsync(r => r.SubjectId == subjectId, ct);

    internal async Task EraseAsync(Registrant registrant, CancellationToken ct)
    {
        db.RegistrantMerges.RemoveRange(await db.RegistrantMerges.Where(m => m.SubjectId == registrant.SubjectId).ToListAsync(ct));
        db.Registrants.Remove(registrant);
        await db.SaveChangesAsync(ct);
    }
}
