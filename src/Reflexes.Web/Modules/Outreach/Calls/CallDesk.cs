using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Modules.Outreach.Referrals;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Outreach.Calls;

/// <summary>
/// The caller's side of a campaign: hands out the next person (one at a time, never to two callers,
/// whatever the number of app instances), shows what the script needs, records the outcome and moves the
/// person along the queue, files referrals. Each hand-out is a read of the person's data: it goes through
/// <see cref="PersonalDataAccess"/> under the campaign's purpose and is recorded in the audit log.
/// </summary>
public sealed class CallDesk(ReflexesDbContext db, PersonalDataAccess access, ReferralDesk referrals, TimeProvider clock)
{
    /// <summary>Measures of the hand-out, in milliseconds (the benchmark listens to them).</summary>
    public static readonly Meter Meter = new("Reflexes.Outreach.Calls");

    private static readonly Histogram<double> ClaimCallerMs = Meter.CreateHistogram<double>("outreach.claim.caller", "ms");
    private static readonly Histogram<double> ClaimStatementMs = Meter.CreateHistogram<double>("outreach.claim.statement", "ms");
    private static readonly Histogram<double> ClaimAuthoriseMs = Meter.CreateHistogram<double>("outreach.claim.authorise", "ms");
    private static readonly Histogram<double> ClaimSheetMs = Meter.CreateHistogram<double>("outreach.claim.sheet", "ms");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public enum NextKind
    {
        /// <summary>The user is not an enrolled, active caller.</summary>
        NotCaller,

        /// <summary>The campaign does not exist or is not running.</summary>
        NotRunning,

        /// <summary>Nobody is due right now (for this caller's level).</summary>
        NothingDue,

        /// <summary>A person was handed out (or the caller's current call is returned).</summary>
        Handed,
    }

    public sealed record NextCall(NextKind Kind, CallSheet? Sheet);

    /// <summary>What a caller sees during a call: the script, the person's name and phones, and previous calls of this campaign. Nothing else.</summary>
    public sealed record CallSheet(
        Guid CallId, Guid CampaignId, string CampaignName, CampaignScript Script, string FirstName, string LastName, string Phone, string? OtherPhone,
        int Attempt, bool Complex, DateTime ReservedUntilUtc, IReadOnlyList<PreviousCall> Previous);

    public sealed record PreviousCall(DateTime EndedAtUtc, CallOutcome Outcome, IReadOnlyList<string> Answers, string? Notes);

    /// <summary>What the caller records at the end of a call.</summary>
    public sealed record Recording(CallOutcome Outcome, IReadOnlyList<string?> Answers, string? Notes, DateTime? CallBackAtUtc);

    public enum RecordKind
    {
        Recorded,
        RecordedLate,
        NotYours,
        Invalid,
    }

    public sealed record RecordResult(RecordKind Kind, IReadOnlyList<(string Field, string Key)> Errors);

    /// <summary>
    /// The claimed queue row, whether the person withdrew from the register (then never shown), and whether
    /// the person has ended calls in this campaign (then the sheet reads them): flags, no personal field.
    /// </summary>
    private sealed record ClaimedRow(Guid Id, Guid RegistrantId, Guid SubjectId, int Attempts, bool Complex, bool Withdrawn, bool CalledBefore);

    public async Task<Caller?> CallerOfAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return userId is null ? null : await db.Callers.AsNoTracking().FirstOrDefaultAsync(c => c.UserId == userId && c.Active, ct);
    }

    /// <summary>The running campaigns a caller can take calls for, with how many people are due now.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name, int Due)>> OpenCampaignsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.Status == CampaignStatus.Running).OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var result = new List<(Guid, string, int)>();
        foreach (var c in campaigns)
        {
            var due = await db.CallTargets.CountAsync(t => t.CampaignId == c.Id && t.Status != CallTargetStatus.Done && t.DueAtUtc <= now, ct);
            result.Add((c.Id, c.Name, due));
        }

        return result;
    }

    /// <summary>The caller's call in progress (reservation still running), if any.</summary>
    public async Task<Guid?> CurrentCallAsync(Guid callerId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await (from c in db.CallRecords
                      where c.CallerId == callerId && c.EndedAtUtc == null
                      join t in db.CallTargets on c.TargetId equals t.Id
                      where t.ReservationToken == c.ReservationToken && t.Status == CallTargetStatus.Reserved && t.DueAtUtc > now
                      select (Guid?)c.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Hands the next due person of the campaign to the caller, or returns the caller's current call:
    /// a caller has one person at a time. People whose consent lapsed since the list was built are
    /// taken out of the queue, never shown. One connection for the whole hand-out, and six round trips:
    /// who asks (caller, current call, campaign), the claim, the access check (decision, then its audit
    /// entry), the call row, the sheet (docs/adr/0515).
    /// </summary>
    public async Task<NextCall> NextAsync(Guid campaignId, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return new NextCall(NextKind.NotCaller, null);
        }

        var started = Stopwatch.GetTimestamp();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var context = await ContextOf.For(db)(db, userId, campaignId, clock.GetUtcNow().UtcDateTime, ct);
            ClaimCallerMs.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (context is null)
            {
                return new NextCall(NextKind.NotCaller, null);
            }

            if (context.CurrentCallId is { } current)
            {
                return new NextCall(NextKind.Handed, await SheetAsync(current, user, ct));
            }

            if (context.Campaign is not { Status: CampaignStatus.Running } campaign)
            {
                return new NextCall(NextKind.NotRunning, null);
            }

            return await HandOutAsync(campaign, context.Caller, user, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<NextCall> HandOutAsync(Campaign campaign, Caller caller, ClaimsPrincipal user, CancellationToken ct)
    {
        for (var tries = 0; tries < 20; tries++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var token = Guid.NewGuid();
            var started = Stopwatch.GetTimestamp();
            var row = await ClaimAsync(campaign.Id, caller, token, now, now.AddMinutes(campaign.ReservationMinutes), ct);
            ClaimStatementMs.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (row is null)
            {
                return new NextCall(NextKind.NothingDue, null);
            }

            started = Stopwatch.GetTimestamp();
            var decision = row.Withdrawn ? null : await access.AuthoriseAsync(
                new AccessRequest(row.SubjectId, campaign.PurposeCode, "outreach.call-claim", "call-target/" + row.Id), user, ct);
            ClaimAuthoriseMs.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (decision is not { Allowed: true })
            {
                // Registration or consent withdrawn, or consent expired, since the list was built: out of the queue, never shown.
                await db.CallTargets.Where(t => t.Id == row.Id && t.ReservationToken == token).ExecuteUpdateAsync(s => s
                    .SetProperty(t => t.Status, CallTargetStatus.Done)
                    .SetProperty(t => t.DueAtUtc, CallTarget.Never)
                    .SetProperty(t => t.ReservedByCallerId, (Guid?)null)
                    .SetProperty(t => t.ReservationToken, (Guid?)null), ct);
                continue;
            }

            started = Stopwatch.GetTimestamp();
            var call = CallRecord.Claimed(campaign.Id, row.Id, row.RegistrantId, row.SubjectId, caller.Id, caller.UserId, token, row.Attempts + 1, now);
            db.CallRecords.Add(call);
            await db.SaveChangesAsync(ct);
            db.Entry(call).State = EntityState.Detached;
            var person = await ReadSheetAsync(row.RegistrantId, row.Id, call.Id, row.CalledBefore, ct);
            var sheet = Sheet(call.Id, campaign, person, call.Attempt, row.Complex, now.AddMinutes(campaign.ReservationMinutes));
            ClaimSheetMs.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return new NextCall(NextKind.Handed, sheet);
        }

        return new NextCall(NextKind.NothingDue, null);
    }

    /// <summary>Who asks, in one round trip: the active caller of that account, their current call if any, and the campaign.</summary>
    private sealed record DeskContext(Caller Caller, Campaign? Campaign, Guid? CurrentCallId);

    private static readonly PerModel<Func<ReflexesDbContext, string, Guid, DateTime, CancellationToken, Task<DeskContext?>>> ContextOf = new(() =>
        EF.CompileAsyncQuery((ReflexesDbContext db, string userId, Guid campaignId, DateTime now, CancellationToken ct) =>
            (from c in db.Callers.AsNoTracking()
             where c.UserId == userId && c.Active
             from k in db.Campaigns.AsNoTracking().Where(k => k.Id == campaignId).DefaultIfEmpty()
             select new DeskContext(c, k,
                 (from r in db.CallRecords
                  where r.CallerId == c.Id && r.EndedAtUtc == null
                  join t in db.CallTargets on r.TargetId equals t.Id
                  where t.ReservationToken == r.ReservationToken && t.Status == CallTargetStatus.Reserved && t.DueAtUtc > now
                  select (Guid?)r.Id).FirstOrDefault()))
            .FirstOrDefault()));

    /// <summary>The fields of the person the script needs: read only after the access service allowed them.</summary>
    private sealed record PersonRow(string FirstName, string LastName, string Phone, string? OtherPhone);

    private sealed record PreviousRow(DateTime? EndedAtUtc, CallOutcome? Outcome, string? AnswersJson, string? Notes);

    private static readonly PerModel<Func<ReflexesDbContext, Guid, CancellationToken, Task<PersonRow>>> PersonOf = new(() =>
        EF.CompileAsyncQuery((ReflexesDbContext db, Guid registrantId, CancellationToken ct) =>
            db.Registrants.Where(r => r.Id == registrantId).Select(r => new PersonRow(r.FirstName, r.LastName, r.Phone, r.OtherPhone)).First()));

    private static readonly PerModel<Func<ReflexesDbContext, Guid, Guid, IAsyncEnumerable<PreviousRow>>> PreviousOf = new(() =>
        EF.CompileAsyncQuery((ReflexesDbContext db, Guid targetId, Guid callId) =>
            db.CallRecords.Where(c => c.TargetId == targetId && c.EndedAtUtc != null && c.Id != callId)
                .OrderByDescending(c => c.EndedAtUtc).Take(5)
                .Select(c => new PreviousRow(c.EndedAtUtc, c.Outcome, c.AnswersJson, c.Notes))));

    /// <summary>The person's fields and, when the person was called before in this campaign, the last five calls.</summary>
    private async Task<(PersonRow Person, List<PreviousRow> Previous)> ReadSheetAsync(Guid registrantId, Guid targetId, Guid callId, bool calledBefore, CancellationToken ct)
    {
        var person = await PersonOf.For(db)(db, registrantId, ct);
        var previous = new List<PreviousRow>();
        if (calledBefore)
        {
            await foreach (var p in PreviousOf.For(db)(db, targetId, callId).WithCancellation(ct))
            {
                previous.Add(p);
            }
        }

        return (person, previous);
    }

    private static CallSheet Sheet(Guid callId, Campaign campaign, (PersonRow Person, List<PreviousRow> Previous) read, int attempt, bool complex, DateTime reservedUntilUtc) =>
        new(callId, campaign.Id, campaign.Name, campaign.Script, read.Person.FirstName, read.Person.LastName, read.Person.Phone, read.Person.OtherPhone, attempt, complex, reservedUntilUtc,
            [.. read.Previous.Select(p => new PreviousCall(p.EndedAtUtc!.Value, p.Outcome!.Value, Answers(p.AnswersJson), p.Notes))]);

    /// <summary>
    /// The atomic claim: one statement picks the first due person and reserves them. On PostgreSQL the
    /// row is locked with SKIP LOCKED, so concurrent claimers (in any instance) take different people
    /// without waiting; on SQLite the single writer makes the statement atomic. A reservation whose time
    /// ran out is due again (its due date is the end of the reservation). The statement also returns two
    /// flags (see <see cref="ClaimedRow"/>), so that no separate round trip asks them.
    /// </summary>
    private async Task<ClaimedRow?> ClaimAsync(Guid campaignId, Caller caller, Guid token, DateTime now, DateTime until, CancellationToken ct)
    {
        // Beginners get simple calls only: complex situations go to experienced callers.
        var sql = caller.Level == CallerLevel.Beginner
            ? (db.Database.IsNpgsql() ? ClaimSimpleLocked : ClaimSimple)
            : (db.Database.IsNpgsql() ? ClaimAnyLocked : ClaimAny);
        var rows = await db.Database.SqlQueryRaw<ClaimedRow>(sql, campaignId, now, caller.Id, token, until).ToListAsync(ct);
        return rows.Count == 0 ? null : rows[0];
    }

    private static readonly string ClaimAny = ClaimSql(beginner: false, locked: false);
    private static readonly string ClaimAnyLocked = ClaimSql(beginner: false, locked: true);
    private static readonly string ClaimSimple = ClaimSql(beginner: true, locked: false);
    private static readonly string ClaimSimpleLocked = ClaimSql(beginner: true, locked: true);

    private static string ClaimSql(bool beginner, bool locked)
    {
        var pick = "SELECT \"Id\" FROM \"CallTargets\" WHERE \"CampaignId\" = {0} AND \"DueAtUtc\" <= {1} AND \"Status\" <> 'Done'"
            + (beginner ? " AND \"Complex\" = FALSE" : "") + " ORDER BY \"DueAtUtc\" LIMIT 1"
            + (locked ? " FOR UPDATE SKIP LOCKED" : "");
        return "UPDATE \"CallTargets\" SET \"Status\" = 'Reserved', \"ReservedByCallerId\" = {2}, \"ReservationToken\" = {3}, \"DueAtUtc\" = {4} "
            + "WHERE \"Id\" = (" + pick + ") AND \"Status\" <> 'Done' AND \"DueAtUtc\" <= {1} "
            + "RETURNING \"Id\", \"RegistrantId\", \"SubjectId\", \"Attempts\", \"Complex\", "
            + "EXISTS (SELECT 1 FROM \"Registrants\" AS w WHERE w.\"Id\" = \"CallTargets\".\"RegistrantId\" AND w.\"WithdrawnAtUtc\" IS NOT NULL) AS \"Withdrawn\", "
            + "EXISTS (SELECT 1 FROM \"Calls\" AS p WHERE p.\"TargetId\" = \"CallTargets\".\"Id\" AND p.\"EndedAtUtc\" IS NOT NULL) AS \"CalledBefore\"";
    }

    /// <summary>The caller's current call, read again (and recorded) under the campaign's purpose; null when it is not theirs or no longer current.</summary>
    public async Task<CallSheet?> SheetAsync(Guid callId, ClaimsPrincipal user, CancellationToken ct)
    {
        var caller = await CallerOfAsync(user, ct);
        if (caller is null || await CurrentCallAsync(caller.Id, ct) != callId)
        {
            return null;
        }

        var call = await (from c in db.CallRecords
                          where c.Id == callId
                          join k in db.Campaigns on c.CampaignId equals k.Id
                          join t in db.CallTargets on c.TargetId equals t.Id
                          select new { c.SubjectId, c.TargetId, c.RegistrantId, c.Attempt, k, t.Complex, t.DueAtUtc }).AsNoTracking().FirstAsync(ct);
        var decision = await access.AuthoriseAsync(new AccessRequest(call.SubjectId, call.k.PurposeCode, "outreach.call-sheet", "call/" + callId), user, ct);
        return decision.Allowed
            ? Sheet(callId, call.k, await ReadSheetAsync(call.RegistrantId, call.TargetId, callId, calledBefore: true, ct), call.Attempt, call.Complex, call.DueAtUtc)
            : null;
    }

    private static List<string> Answers(string? json) => json is null ? [] : JsonSerializer.Deserialize<List<string>>(json, Json) ?? [];

    /// <summary>
    /// Records how the call ended and moves the person along the queue (retry, call back, follow-up or
    /// done). An outcome is never lost: recorded after the reservation ran out, it is kept as late, and the
    /// queue changes only if nobody else took the person meanwhile.
    /// </summary>
    public async Task<RecordResult> RecordAsync(Guid callId, Recording recording, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(recording);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return new RecordResult(RecordKind.NotYours, []);
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await RecordOpenAsync(callId, userId, recording, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>What recording an outcome needs, in one round trip: the caller's open call, its campaign, and where its person stands in the queue.</summary>
    private sealed record OpenCall(Guid TargetId, Guid ReservationToken, Campaign Campaign, Guid? TargetToken, int TargetAttempts, DateTime TargetDueAtUtc);

    private static readonly PerModel<Func<ReflexesDbContext, string, Guid, CancellationToken, Task<OpenCall?>>> OpenCallOf = new(() =>
        EF.CompileAsyncQuery((ReflexesDbContext db, string userId, Guid callId, CancellationToken ct) =>
            (from c in db.Callers
             where c.UserId == userId && c.Active
             join r in db.CallRecords on c.Id equals r.CallerId
             where r.Id == callId && r.EndedAtUtc == null
             join k in db.Campaigns.AsNoTracking() on r.CampaignId equals k.Id
             join t in db.CallTargets on r.TargetId equals t.Id
             select new OpenCall(r.TargetId, r.ReservationToken, k, t.ReservationToken, t.Attempts, t.DueAtUtc))
            .FirstOrDefault()));

    private async Task<RecordResult> RecordOpenAsync(Guid callId, string userId, Recording recording, CancellationToken ct)
    {
        var call = await OpenCallOf.For(db)(db, userId, callId, ct);
        if (call is null)
        {
            return new RecordResult(RecordKind.NotYours, []);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (answers, errors) = Check(call.Campaign.Script, recording, now);
        if (errors.Count > 0)
        {
            return new RecordResult(RecordKind.Invalid, errors);
        }

        var notes = string.IsNullOrWhiteSpace(recording.Notes) ? null : recording.Notes.Trim();
        var callBack = recording.Outcome == CallOutcome.CallBack ? recording.CallBackAtUtc : null;
        // The hand-out still holds the person when the queue row carries its token; the read above is checked
        // again by the queue update below, which only applies under that token.
        var holds = call.TargetToken == call.ReservationToken;
        var late = !holds || call.TargetDueAtUtc < now;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ended = await db.CallRecords.Where(c => c.Id == callId && c.EndedAtUtc == null).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.EndedAtUtc, now)
            .SetProperty(c => c.Outcome, recording.Outcome)
            .SetProperty(c => c.AnswersJson, JsonSerializer.Serialize(answers, Json))
            .SetProperty(c => c.Notes, notes)
            .SetProperty(c => c.CallBackAtUtc, callBack)
            .SetProperty(c => c.Late, late), ct);
        if (ended == 0)
        {
            return new RecordResult(RecordKind.NotYours, []);
        }

        if (holds)
        {
            var (status, due, attempts) = CallTarget.Next(recording.Outcome, call.TargetAttempts, call.Campaign.Rules, now, callBack);
            var difficulty = CallTarget.IsDifficulty(recording.Outcome);
            var moved = await db.CallTargets.Where(t => t.Id == call.TargetId && t.ReservationToken == call.ReservationToken).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, status)
                .SetProperty(t => t.DueAtUtc, due)
                .SetProperty(t => t.Attempts, attempts)
                .SetProperty(t => t.ReservedByCallerId, (Guid?)null)
                .SetProperty(t => t.ReservationToken, (Guid?)null)
                .SetProperty(t => t.LastOutcome, recording.Outcome)
                .SetProperty(t => t.LastCallAtUtc, now)
                .SetProperty(t => t.CallsMade, t => t.CallsMade + 1)
                .SetProperty(t => t.Complex, t => t.Complex || difficulty), ct);
            if (moved == 0)
            {
                // The reservation ran out and someone else took the person between the read and the update: late.
                late = true;
                await db.CallRecords.Where(c => c.Id == callId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Late, true), ct);
            }
        }

        await transaction.CommitAsync(ct);
        return new RecordResult(late ? RecordKind.RecordedLate : RecordKind.Recorded, []);
    }

    private static (List<string> Answers, List<(string, string)> Errors) Check(CampaignScript script, Recording recording, DateTime now)
    {
        var errors = new List<(string, string)>();
        if (!Enum.IsDefined(recording.Outcome))
        {
            errors.Add(("Outcome", "call.error.outcome"));
        }

        if (recording.Outcome == CallOutcome.CallBack && (recording.CallBackAtUtc is not { } at || at <= now || at > now.AddDays(60)))
        {
            errors.Add(("CallBackAt", "call.error.call-back"));
        }

        if (recording.Notes?.Trim().Length > CallRecord.NotesMaxLength)
        {
            errors.Add(("Notes", "call.error.notes"));
        }

        var answers = new List<string>();
        for (var i = 0; i < script.Questions.Count; i++)
        {
            var normalised = script.Questions[i].Normalise(i < recording.Answers.Count ? recording.Answers[i] : null);
            if (normalised is null)
            {
                errors.Add(("Answer" + i, "call.error.answer"));
            }

            answers.Add(normalised ?? "");
        }

        return (answers, errors);
    }

    /// <summary>Files a referral from the caller's current call (see <see cref="ReferralDesk.FileAsync"/>); null when the call is not theirs or the filing is refused.</summary>
    public async Task<Referral?> FileReferralAsync(Guid callId, NeedCategory category, ReferralUrgency urgency, string details, bool consentToShare,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var caller = await CallerOfAsync(user, ct);
        if (caller is null)
        {
            return null;
        }

        var call = await db.CallRecords.Where(c => c.Id == callId && c.CallerId == caller.Id)
            .Select(c => new { c.RegistrantId, c.CampaignId, c.TargetId, c.EndedAtUtc }).FirstOrDefaultAsync(ct);
        if (call is null || (call.EndedAtUtc is null && await CurrentCallAsync(caller.Id, ct) != callId))
        {
            return null;
        }

        var referral = await referrals.FileAsync(new ReferralFiling(call.RegistrantId, call.CampaignId, callId, category, urgency, details, consentToShare), user, ct);
        if (referral is not null)
        {
            // A detected difficulty: the next calls to this person go to experienced callers.
            await db.CallTargets.Where(t => t.Id == call.TargetId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Complex, true), ct);
        }

        return referral;
    }
}
