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

    private sealed record ClaimedRow(Guid Id, Guid RegistrantId, Guid SubjectId, int Attempts, bool Complex);

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
    /// taken out of the queue, never shown.
    /// </summary>
    public async Task<NextCall> NextAsync(Guid campaignId, ClaimsPrincipal user, CancellationToken ct)
    {
        var caller = await CallerOfAsync(user, ct);
        if (caller is null)
        {
            return new NextCall(NextKind.NotCaller, null);
        }

        if (await CurrentCallAsync(caller.Id, ct) is { } current)
        {
            return new NextCall(NextKind.Handed, await SheetAsync(current, user, ct));
        }

        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId)
            .Select(c => new { c.Status, c.PurposeCode, c.ReservationMinutes }).FirstOrDefaultAsync(ct);
        if (campaign is null || campaign.Status != CampaignStatus.Running)
        {
            return new NextCall(NextKind.NotRunning, null);
        }

        for (var tries = 0; tries < 20; tries++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var token = Guid.NewGuid();
            var started = Stopwatch.GetTimestamp();
            var row = await ClaimAsync(campaignId, caller, token, now, now.AddMinutes(campaign.ReservationMinutes), ct);
            ClaimStatementMs.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (row is null)
            {
                return new NextCall(NextKind.NothingDue, null);
            }

            started = Stopwatch.GetTimestamp();
            var withdrawn = await db.Registrants.Where(r => r.Id == row.RegistrantId).Select(r => r.WithdrawnAtUtc != null).FirstOrDefaultAsync(ct);
            var decision = withdrawn ? null : await access.AuthoriseAsync(
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
            var call = CallRecord.Claimed(campaignId, row.Id, row.RegistrantId, row.SubjectId, caller.Id, caller.UserId, token, row.Attempts + 1, now);
            db.CallRecords.Add(call);
            await db.SaveChangesAsync(ct);
            var sheet = await ReadSheetAsync(call.Id, ct);
            ClaimSheetMs.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return new NextCall(NextKind.Handed, sheet);
        }

        return new NextCall(NextKind.NothingDue, null);
    }

    /// <summary>
    /// The atomic claim: one statement picks the first due person and reserves them. On PostgreSQL the
    /// row is locked with SKIP LOCKED, so concurrent claimers (in any instance) take different people
    /// without waiting; on SQLite the single writer makes the statement atomic. A reservation whose time
    /// ran out is due again (its due date is the end of the reservation).
    /// </summary>
    private async Task<ClaimedRow?> ClaimAsync(Guid campaignId, Caller caller, Guid token, DateTime now, DateTime until, CancellationToken ct)
    {
        // Beginners get simple calls only: complex situations go to experienced callers.
        var pick = "SELECT \"Id\" FROM \"CallTargets\" WHERE \"CampaignId\" = {0} AND \"DueAtUtc\" <= {1} AND \"Status\" <> 'Done'"
            + (caller.Level == CallerLevel.Beginner ? " AND \"Complex\" = FALSE" : "") + " ORDER BY \"DueAtUtc\" LIMIT 1"
            + (db.Database.IsNpgsql() ? " FOR UPDATE SKIP LOCKED" : "");
        var sql = "UPDATE \"CallTargets\" SET \"Status\" = 'Reserved', \"ReservedByCallerId\" = {2}, \"ReservationToken\" = {3}, \"DueAtUtc\" = {4} "
            + "WHERE \"Id\" = (" + pick + ") AND \"Status\" <> 'Done' AND \"DueAtUtc\" <= {1} "
            + "RETURNING \"Id\", \"RegistrantId\", \"SubjectId\", \"Attempts\", \"Complex\"";
        var rows = await db.Database.SqlQueryRaw<ClaimedRow>(sql, campaignId, now, caller.Id, token, until).ToListAsync(ct);
        return rows.Count == 0 ? null : rows[0];
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
                          select new { c.SubjectId, c.TargetId, k.PurposeCode }).FirstAsync(ct);
        var decision = await access.AuthoriseAsync(new AccessRequest(call.SubjectId, call.PurposeCode, "outreach.call-sheet", "call/" + callId), user, ct);
        return decision.Allowed ? await ReadSheetAsync(callId, ct) : null;
    }

    /// <summary>Reads only the fields the script needs, for a person the access service allowed.</summary>
    private async Task<CallSheet> ReadSheetAsync(Guid callId, CancellationToken ct)
    {
        var row = await (from c in db.CallRecords
                         where c.Id == callId
                         join k in db.Campaigns on c.CampaignId equals k.Id
                         join t in db.CallTargets on c.TargetId equals t.Id
                         join r in db.Registrants on c.RegistrantId equals r.Id
                         select new { c.CampaignId, c.TargetId, k.Name, c.Attempt, t.Complex, t.DueAtUtc, r.FirstName, r.LastName, r.Phone, r.OtherPhone })
            .FirstAsync(ct);
        var script = (await db.Campaigns.AsNoTracking().FirstAsync(k => k.Id == row.CampaignId, ct)).Script;
        var previous = await db.CallRecords.Where(c => c.TargetId == row.TargetId && c.EndedAtUtc != null && c.Id != callId)
            .OrderByDescending(c => c.EndedAtUtc).Take(5)
            .Select(c => new { c.EndedAtUtc, c.Outcome, c.AnswersJson, c.Notes }).ToListAsync(ct);
        return new CallSheet(callId, row.CampaignId, row.Name, script, row.FirstName, row.LastName, row.Phone, row.OtherPhone, row.Attempt, row.Complex, row.DueAtUtc,
            [.. previous.Select(p => new PreviousCall(p.EndedAtUtc!.Value, p.Outcome!.Value, Answers(p.AnswersJson), p.Notes))]);
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
        var caller = await CallerOfAsync(user, ct);
        if (caller is null)
        {
            return new RecordResult(RecordKind.NotYours, []);
        }

        var call = await db.CallRecords.Where(c => c.Id == callId && c.CallerId == caller.Id && c.EndedAtUtc == null)
            .Select(c => new { c.TargetId, c.ReservationToken, c.CampaignId }).FirstOrDefaultAsync(ct);
        if (call is null)
        {
            return new RecordResult(RecordKind.NotYours, []);
        }

        var campaign = await db.Campaigns.AsNoTracking().FirstAsync(k => k.Id == call.CampaignId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var (answers, errors) = Check(campaign.Script, recording, now);
        if (errors.Count > 0)
        {
            return new RecordResult(RecordKind.Invalid, errors);
        }

        var notes = string.IsNullOrWhiteSpace(recording.Notes) ? null : recording.Notes.Trim();
        var callBack = recording.Outcome == CallOutcome.CallBack ? recording.CallBackAtUtc : null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var target = await db.CallTargets.Where(t => t.Id == call.TargetId)
            .Select(t => new { t.ReservationToken, t.Attempts, t.DueAtUtc }).FirstAsync(ct);
        var holds = target.ReservationToken == call.ReservationToken;
        var late = !holds || target.DueAtUtc < now;
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
            var (status, due, attempts) = CallTarget.Next(recording.Outcome, target.Attempts, campaign.Rules, now, callBack);
            var difficulty = CallTarget.IsDifficulty(recording.Outcome);
            await db.CallTargets.Where(t => t.Id == call.TargetId && t.ReservationToken == call.ReservationToken).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, status)
                .SetProperty(t => t.DueAtUtc, due)
                .SetProperty(t => t.Attempts, attempts)
                .SetProperty(t => t.ReservedByCallerId, (Guid?)null)
                .SetProperty(t => t.ReservationToken, (Guid?)null)
                .SetProperty(t => t.LastOutcome, recording.Outcome)
                .SetProperty(t => t.LastCallAtUtc, now)
                .SetProperty(t => t.CallsMade, t => t.CallsMade + 1)
                .SetProperty(t => t.Complex, t => t.Complex || difficulty), ct);
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
