using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Outreach.Campaigns;

/// <summary>
/// The campaign lead's side: prepares campaigns, builds their target list from the register (filtered
/// person by person through <see cref="PersonalDataAccess"/> under the campaign's purpose: people without a
/// current consent are counted, never listed), moves them through their states, and sums up their calls.
/// </summary>
public sealed class CampaignDesk(ReflexesDbContext db, PersonalDataAccess access, TimeProvider clock)
{
    /// <summary>The purpose a campaign normally runs under.</summary>
    public const string DefaultPurpose = "outreach-calls";

    public sealed record Summary(Campaign Campaign, int Waiting, int Reserved, int Done, int Calls);

    public async Task<IReadOnlyList<Campaign>> ListAsync(CancellationToken ct) =>
        await db.Campaigns.AsNoTracking().OrderBy(c => c.Status == CampaignStatus.Closed).ThenByDescending(c => c.CreatedAtUtc).ToListAsync(ct);

    public async Task<Campaign?> GetAsync(Guid id, CancellationToken ct) => await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, ct);

    public async Task<Summary?> SummaryAsync(Guid id, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null)
        {
            return null;
        }

        var byStatus = await db.CallTargets.Where(t => t.CampaignId == id).GroupBy(t => t.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(CallTargetStatus s) => byStatus.FirstOrDefault(x => x.Key == s)?.Count ?? 0;
        var calls = await db.CallRecords.CountAsync(c => c.CampaignId == id && c.EndedAtUtc != null, ct);
        return new Summary(campaign, Of(CallTargetStatus.Waiting), Of(CallTargetStatus.Reserved), Of(CallTargetStatus.Done), calls);
    }

    public async Task<Campaign> CreateAsync(CampaignSettings settings, string leadUserId, CancellationToken ct)
    {
        var campaign = Campaign.Create(settings, leadUserId, clock.GetUtcNow().UtcDateTime);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return campaign;
    }

    public async Task<bool> ChangeAsync(Guid id, CampaignSettings settings, CancellationToken ct)
    {
        var campaign = await GetAsync(id, ct);
        if (campaign is null || campaign.Status != CampaignStatus.Draft)
        {
            return false;
        }

        campaign.Change(settings);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Moves the campaign to another state; starting it builds its target list first.</summary>
    public async Task<bool> MoveAsync(Guid id, CampaignStatus next, ClaimsPrincipal lead, CancellationToken ct)
    {
        var campaign = await GetAsync(id, ct);
        if (campaign is null || !campaign.CanMoveTo(next))
        {
            return false;
        }

        if (campaign.Status == CampaignStatus.Draft && next == CampaignStatus.Running)
        {
            await BuildTargetsAsync(campaign, lead, ct);
        }

        campaign.MoveTo(next, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Adds to the target list the people of the register who match the filters and whose data the
    /// purpose allows (each decision is recorded); people already in the list stay where they are.
    /// Returns (listed, hidden): hidden people match but have no current consent.
    /// </summary>
    public async Task<(int Listed, int Hidden)> BuildTargetsAsync(Campaign campaign, ClaimsPrincipal lead, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await MatchingAsync(campaign.Targeting, now, ct);
        var allowed = (await access.FilterAsync([.. candidates.Select(c => c.SubjectId)], campaign.PurposeCode, "outreach.campaign-targets", lead, ct)).ToHashSet();
        var already = (await db.CallTargets.Where(t => t.CampaignId == campaign.Id).Select(t => t.RegistrantId).ToListAsync(ct)).ToHashSet();
        var withDifficulty = (await db.Referrals.Select(r => r.RegistrantId).Distinct().ToListAsync(ct)).ToHashSet();
        // Recently registered people come first (the learning path starts with them): earlier due dates.
        var fresh = candidates.Where(c => allowed.Contains(c.SubjectId) && !already.Contains(c.Id)).OrderByDescending(c => c.RegisteredAtUtc).ToList();
        for (var i = 0; i < fresh.Count; i++)
        {
            db.CallTargets.Add(CallTarget.For(campaign.Id, fresh[i].Id, fresh[i].SubjectId, withDifficulty.Contains(fresh[i].Id), now.AddMilliseconds(i - fresh.Count)));
        }

        campaign.TargetsBuilt(allowed.Count, candidates.Count - allowed.Count, now);
        await db.SaveChangesAsync(ct);
        return (allowed.Count, candidates.Count - allowed.Count);
    }

    /// <summary>How many people the filters match now, and how many of them the purpose allows (a preview, not recorded as a read: no one is listed).</summary>
    public async Task<int> PreviewAsync(CampaignTargeting targeting, CancellationToken ct) =>
        (await MatchingAsync(targeting, clock.GetUtcNow().UtcDateTime, ct)).Count;

    private sealed record Candidate(Guid Id, Guid SubjectId, DateTime RegisteredAtUtc);

    private async Task<List<Candidate>> MatchingAsync(CampaignTargeting t, DateTime now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now);
        var q = db.Registrants.Where(r => r.WithdrawnAtUtc == null);
        if (t.NeighbourhoodId is { } n)
        {
            q = q.Where(r => r.NeighbourhoodId == n);
        }

        if (t.Ground is { } g)
        {
            q = q.Where(r => r.Ground == g);
        }

        if (t.MinAge is { } min)
        {
            var bornBy = today.AddYears(-min);
            q = q.Where(r => r.BirthDate <= bornBy);
        }

        if (t.MaxAge is { } max)
        {
            var bornAfter = today.AddYears(-(max + 1));
            q = q.Where(r => r.BirthDate > bornAfter);
        }

        if (t.NotContactedForDays is { } days)
        {
            var since = now.AddDays(-days);
            q = q.Where(r => !db.CallRecords.Any(c => c.RegistrantId == r.Id && c.Outcome == CallOutcome.Reached && c.EndedAtUtc >= since));
        }

        return await q.Select(r => new Candidate(r.Id, r.SubjectId, r.RegisteredAtUtc)).ToListAsync(ct);
    }

    public sealed record DayRow(DateOnly Day, int Calls, int Reached);

    public sealed record CallerRow(string Name, CallerLevel Level, int Calls, int Reached, int ReferralCount, DateTime? LastCallAtUtc);

    public sealed record Dashboard(
        IReadOnlyList<DayRow> Days, IReadOnlyDictionary<CallOutcome, int> Outcomes, IReadOnlyList<CallerRow> Callers,
        IReadOnlyDictionary<NeedCategory, int> NeedCounts, int Abandoned);

    /// <summary>Calls made and reached per day, outcomes, callers' activity and referrals by category: counts only, no personal data.</summary>
    public async Task<Dashboard> DashboardAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var calls = await db.CallRecords.Where(c => c.CampaignId == id)
            .Select(c => new { c.EndedAtUtc, c.Outcome, c.CallerId, c.ClaimedAtUtc, c.TargetId, c.ReservationToken }).ToListAsync(ct);
        var ended = calls.Where(c => c.EndedAtUtc is not null).ToList();
        var days = ended.GroupBy(c => DateOnly.FromDateTime(c.EndedAtUtc!.Value)).OrderBy(g => g.Key)
            .Select(g => new DayRow(g.Key, g.Count(), g.Count(c => c.Outcome == CallOutcome.Reached))).ToList();
        var outcomes = Enum.GetValues<CallOutcome>().ToDictionary(o => o, o => ended.Count(c => c.Outcome == o));
        var referrals = await db.Referrals.Where(r => r.CampaignId == id).GroupBy(r => r.Category)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var referralsByCaller = await (from r in db.Referrals
                                       where r.CampaignId == id && r.CallId != null
                                       join c in db.CallRecords on r.CallId equals c.Id
                                       group r by c.CallerId into g
                                       select new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var callerIds = calls.Select(c => c.CallerId).Distinct().ToList();
        var callers = await (from k in db.Callers
                             where callerIds.Contains(k.Id)
                             join u in db.Users on k.UserId equals u.Id
                             select new { k.Id, u.DisplayName, k.Level }).ToListAsync(ct);
        var rows = callers.Select(k => new CallerRow(k.DisplayName, k.Level,
                ended.Count(c => c.CallerId == k.Id), ended.Count(c => c.CallerId == k.Id && c.Outcome == CallOutcome.Reached),
                referralsByCaller.FirstOrDefault(r => r.Key == k.Id)?.Count ?? 0,
                ended.Where(c => c.CallerId == k.Id).Max(c => c.EndedAtUtc)))
            .OrderByDescending(r => r.Calls).ThenBy(r => r.Name, StringComparer.CurrentCulture).ToList();
        // Open calls whose reservation ran out: the caller vanished.
        var open = calls.Where(c => c.EndedAtUtc is null).Select(c => c.TargetId).ToList();
        var current = (await db.CallTargets.Where(t => open.Contains(t.Id) && t.Status == CallTargetStatus.Reserved && t.DueAtUtc > now)
            .Select(t => t.ReservationToken).ToListAsync(ct)).ToHashSet();
        var abandoned = calls.Count(c => c.EndedAtUtc is null && !current.Contains(c.ReservationToken));
        return new Dashboard(days, outcomes, rows, referrals.ToDictionary(r => r.Key, r => r.Count), abandoned);
    }

    /// <summary>
    /// The campaign's calls as CSV. Without personal data by default; with names, phones, answers and
    /// notes only for a coordinator asking for them, and only for people the campaign's purpose still
    /// allows (each decision recorded) — the others stay anonymous rows.
    /// </summary>
    public async Task<string> ExportAsync(Guid id, bool withPersonalData, ClaimsPrincipal reader, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstAsync(c => c.Id == id, ct);
        var calls = await db.CallRecords.Where(c => c.CampaignId == id && c.EndedAtUtc != null).OrderBy(c => c.EndedAtUtc)
            .Select(c => new { c.Id, c.SubjectId, c.RegistrantId, c.EndedAtUtc, c.Outcome, c.Attempt, c.Late, c.CallBackAtUtc, c.AnswersJson, c.Notes })
            .ToListAsync(ct);
        var referred = (await db.Referrals.Where(r => r.CampaignId == id && r.CallId != null).Select(r => r.CallId!.Value).ToListAsync(ct)).ToHashSet();
        var personal = withPersonalData && reader.IsInRole(Roles.Coordinator);
        var people = new Dictionary<Guid, (string Last, string First, string Phone)>();
        if (personal)
        {
            var allowed = await access.FilterAsync([.. calls.Select(c => c.SubjectId).Distinct()], campaign.PurposeCode, "outreach.calls-export", reader, ct);
            people = (await db.Registrants.Where(r => allowed.Contains(r.SubjectId)).Select(r => new { r.Id, r.LastName, r.FirstName, r.Phone }).ToListAsync(ct))
                .ToDictionary(r => r.Id, r => (r.LastName, r.FirstName, r.Phone));
        }

        var csv = new StringBuilder();
        csv.Append("call,ended_at_utc,outcome,attempt,late,call_back_at_utc,referral");
        csv.Append(personal ? ",last_name,first_name,phone,answers,notes\n" : "\n");
        foreach (var c in calls)
        {
            csv.Append(c.Id.ToString("N", CultureInfo.InvariantCulture)).Append(',')
                .Append(c.EndedAtUtc!.Value.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)).Append(',')
                .Append(c.Outcome).Append(',')
                .Append(c.Attempt.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(c.Late ? "yes" : "no").Append(',')
                .Append(c.CallBackAtUtc?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)).Append(',')
                .Append(referred.Contains(c.Id) ? "yes" : "no");
            if (personal)
            {
                if (people.TryGetValue(c.RegistrantId, out var p))
                {
                    csv.Append(',').Append(Field(p.Last)).Append(',').Append(Field(p.First)).Append(',').Append(Field(p.Phone))
                        .Append(',').Append(Field(c.AnswersJson ?? "")).Append(',').Append(Field(c.Notes ?? ""));
                }
                else
                {
                    csv.Append(",,,,,");
                }
            }

            csv.Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>A CSV field, quoted when needed; a leading formula character is neutralised for spreadsheets.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
