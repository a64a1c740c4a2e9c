using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reflexes.Testing;
using Reflexes.Web.Modules.DataTrust.Audit;
using Reflexes.Web.Modules.Outreach.Calls;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.Outreach;

/// <summary>The call queue of a campaign: hand-outs, retries, call-backs, follow-ups and timeouts, once per database.</summary>
public abstract class CallQueueTests(DatabaseKind kind)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static CallDesk.Recording Outcome(CallOutcome outcome, DateTime? callBack = null) =>
        new(outcome, ["Bien", "yes", "2", ""], null, callBack);

    private static Task<CallDesk.NextCall> NextAsync(CampaignBed bed, Guid campaign, string caller, int instance = 0) =>
        bed.WithAsync(sp => sp.GetRequiredService<CallDesk>().NextAsync(campaign, CampaignBed.User(caller), default), instance);

    private static Task<CallDesk.RecordResult> RecordAsync(CampaignBed bed, Guid call, string caller, CallDesk.Recording recording, int instance = 0) =>
        bed.WithAsync(sp => sp.GetRequiredService<CallDesk>().RecordAsync(call, recording, CampaignBed.User(caller), default), instance);

    protected abstract int Claimers { get; }

    protected abstract int InstanceCount { get; }

    [SkippableFact]
    public async Task Many_parallel_callers_on_several_app_instances_never_get_the_same_person_and_lose_no_outcome()
    {
        await using var bed = await CampaignBed.StartAsync(kind, InstanceCount);
        var neighbourhood = await bed.NeighbourhoodAsync();
        await bed.RegisterAsync(40, neighbourhood);
        var campaign = await bed.StartCampaignAsync(neighbourhood, new CampaignRules(4, 3, null, 20));
        for (var i = 0; i < Claimers; i++)
        {
            await bed.EnrolAsync("caller-" + i);
        }

        var handed = new ConcurrentBag<(string Caller, Guid Call, string Phone)>();
        var recorded = 0;
        await Task.WhenAll(Enumerable.Range(0, Claimers).Select(i => Task.Run(async () =>
        {
            var caller = "caller-" + i;
            while (true)
            {
                var next = await NextAsync(bed, campaign, caller, i % InstanceCount);
                if (next.Kind != CallDesk.NextKind.Handed)
                {
                    next.Kind.ShouldBe(CallDesk.NextKind.NothingDue);
                    return;
                }

                handed.Add((caller, next.Sheet!.CallId, next.Sheet.Phone));
                var result = await RecordAsync(bed, next.Sheet.CallId, caller, Outcome(CallOutcome.Reached), (i + 1) % InstanceCount);
                result.Kind.ShouldBe(CallDesk.RecordKind.Recorded);
                Interlocked.Increment(ref recorded);
            }
        })));

        handed.Count.ShouldBe(40);
        handed.Select(h => h.Phone).Distinct().Count().ShouldBe(40);
        recorded.ShouldBe(40);
        var (calls, targets, perTarget) = await bed.WithDbAsync(async db => (
            await db.CallRecords.CountAsync(c => c.CampaignId == campaign && c.Outcome == CallOutcome.Reached),
            await db.CallTargets.CountAsync(t => t.CampaignId == campaign && t.Status == CallTargetStatus.Done),
            await db.CallRecords.Where(c => c.CampaignId == campaign).GroupBy(c => c.TargetId).Select(g => g.Count()).MaxAsync()));
        calls.ShouldBe(40);
        targets.ShouldBe(40);
        perTarget.ShouldBe(1);
    }

    [SkippableFact]
    public async Task No_answer_is_retried_after_the_delay_at_most_the_given_times_and_a_call_back_comes_at_its_time()
    {
        var clock = new ManualClock(Start);
        await using var bed = await CampaignBed.StartAsync(kind, 1, clock);
        var neighbourhood = await bed.NeighbourhoodAsync();
        await bed.RegisterAsync(1, neighbourhood);
        var campaign = await bed.StartCampaignAsync(neighbourhood, new CampaignRules(RetryAfterHours: 4, MaxAttempts: 2, null, 20));
        await bed.EnrolAsync("caller-a");

        var first = await NextAsync(bed, campaign, "caller-a");
        first.Sheet!.Attempt.ShouldBe(1);
        (await RecordAsync(bed, first.Sheet.CallId, "caller-a", Outcome(CallOutcome.NoAnswer))).Kind.ShouldBe(CallDesk.RecordKind.Recorded);

        clock.Advance(TimeSpan.FromHours(3.9));
        (await NextAsync(bed, campaign, "caller-a")).Kind.ShouldBe(CallDesk.NextKind.NothingDue);
        clock.Advance(TimeSpan.FromHours(0.2));
        var retry = await NextAsync(bed, campaign, "caller-a");
        retry.Sheet!.Attempt.ShouldBe(2);
        retry.Sheet.Previous.Single().Outcome.ShouldBe(CallOutcome.NoAnswer);

        // The person picks up the second time and asks to be called back tomorrow at 10.
        var tomorrow = Start.UtcDateTime.AddDays(1).Date.AddHours(10);
        (await RecordAsync(bed, retry.Sheet.CallId, "caller-a", Outcome(CallOutcome.CallBack, tomorrow))).Kind.ShouldBe(CallDesk.RecordKind.Recorded);
        clock.Advance(TimeSpan.FromHours(20));
        (await NextAsync(bed, campaign, "caller-a")).Kind.ShouldBe(CallDesk.NextKind.NothingDue);
        clock.Advance(TimeSpan.FromHours(1));
        var callBack = await NextAsync(bed, campaign, "caller-a");
        callBack.Kind.ShouldBe(CallDesk.NextKind.Handed);

        // No answer at the call back: the second unanswered try is the last one.
        (await RecordAsync(bed, callBack.Sheet!.CallId, "caller-a", Outcome(CallOutcome.NoAnswer))).Kind.ShouldBe(CallDesk.RecordKind.Recorded);
        clock.Advance(TimeSpan.FromDays(2));
        (await NextAsync(bed, campaign, "caller-a")).Kind.ShouldBe(CallDesk.NextKind.NothingDue);
        var target = await bed.WithDbAsync(db => db.CallTargets.Where(t => t.CampaignId == campaign).Select(t => new { t.Status, t.Attempts, t.CallsMade }).SingleAsync());
        target.Status.ShouldBe(CallTargetStatus.Done);
        target.Attempts.ShouldBe(2);
        target.CallsMade.ShouldBe(3);
    }

    [SkippableFact]
    public async Task A_reached_person_comes_back_after_the_follow_up_period_and_a_call_back_must_be_in_the_future()
    {
        var clock = new ManualClock(Start);
        await using var bed = await CampaignBed.StartAsync(kind, 1, clock);
        var neighbourhood = await bed.NeighbourhoodAsync();
        await bed.RegisterAsync(1, neighbourhood);
        var campaign = await bed.StartCampaignAsync(neighbourhood, new CampaignRules(4, 3, FollowUpEveryDays: 7, 20));
        await bed.EnrolAsync("caller-a");

        var call = (await NextAsync(bed, campaign, "caller-a")).Sheet!;
        var past = await RecordAsync(bed, call.CallId, "caller-a", Outcome(CallOutcome.CallBack, Start.UtcDateTime.AddHours(-1)));
        past.Kind.ShouldBe(CallDesk.RecordKind.Invalid);
        past.Errors.ShouldContain(("CallBackAt", "call.error.call-back"));
        var badAnswer = await RecordAsync(bed, call.CallId, "caller-a", new CallDesk.Recording(CallOutcome.Reached, ["Très bien", "peut-être", "deux", ""], null, null));
        badAnswer.Errors.Select(e => e.Field).ShouldBe(["Answer0", "Answer1", "Answer2"]);
        (await RecordAsync(bed, call.CallId, "caller-a", Outcome(CallOutcome.Reached))).Kind.ShouldBe(CallDesk.RecordKind.Recorded);

        clock.Advance(TimeSpan.FromDays(6.9));
        (await NextAsync(bed, campaign, "caller-a")).Kind.ShouldBe(CallDesk.NextKind.NothingDue);
        clock.Advance(TimeSpan.FromDays(0.2));
        var week = await NextAsync(bed, campaign, "caller-a");
        week.Sheet!.Attempt.ShouldBe(1);
        week.Sheet.Previous.Single().Answers.ShouldBe(["Bien", "yes", "2", ""]);
    }

    [SkippableFact]
    public async Task A_reservation_of_a_caller_who_vanished_is_released_after_the_timeout_and_their_late_outcome_is_kept()
    {
        var clock = new ManualClock(Start);
        await using var bed = await CampaignBed.StartAsync(kind, 1, clock);
        var neighbourhood = await bed.NeighbourhoodAsync();
        await bed.RegisterAsync(1, neighbourhood);
        var campaign = await bed.StartCampaignAsync(neighbourhood, new CampaignRules(4, 3, null, ReservationMinutes: 15));
        await bed.EnrolAsync("caller-a");
        await bed.EnrolAsync("caller-b");

        var vanished = (await NextAsync(bed, campaign, "caller-a")).Sheet!;
        clock.Advance(TimeSpan.FromMinutes(14));
        (await NextAsync(bed, campaign, "caller-b")).Kind.ShouldBe(CallDesk.NextKind.NothingDue);
        // Asking again gives caller A the same person: one at a time.
        (await NextAsync(bed, campaign, "caller-a")).Sheet!.CallId.ShouldBe(vanished.CallId);

        clock.Advance(TimeSpan.FromMinutes(2));
        var taken = (await NextAsync(bed, campaign, "caller-b")).Sheet!;
        taken.Phone.ShouldBe(vanished.Phone);
        (await bed.WithAsync(sp => sp.GetRequiredService<CallDesk>().SheetAsync(vanished.CallId, CampaignBed.User("caller-a"), default))).ShouldBeNull();

        // Caller A comes back and records what happened: kept as late; the queue follows caller B.
        (await RecordAsync(bed, vanished.CallId, "caller-a", Outcome(CallOutcome.NoAnswer))).Kind.ShouldBe(CallDesk.RecordKind.RecordedLate);
        (await RecordAsync(bed, taken.CallId, "caller-b", Outcome(CallOutcome.Reached))).Kind.ShouldBe(CallDesk.RecordKind.Recorded);
        var calls = await bed.WithDbAsync(db => db.CallRecords.Where(c => c.CampaignId == campaign).OrderBy(c => c.ClaimedAtUtc)
            .Select(c => new { c.Outcome, c.Late }).ToListAsync());
        calls.Select(c => (c.Outcome, c.Late)).ShouldBe([(CallOutcome.NoAnswer, true), (CallOutcome.Reached, false)]);
        (await bed.WithDbAsync(db => db.CallTargets.SingleAsync(t => t.CampaignId == campaign && t.Status == CallTargetStatus.Done).ContinueWith(_ => true)))
            .ShouldBeTrue();
    }

    [SkippableFact]
    public async Task Beginners_get_simple_calls_only_and_a_referral_makes_the_person_a_complex_call()
    {
        var clock = new ManualClock(Start);
        await using var bed = await CampaignBed.StartAsync(kind, 1, clock);
        var neighbourhood = await bed.NeighbourhoodAsync();
        await bed.RegisterAsync(1, neighbourhood);
        var campaign = await bed.StartCampaignAsync(neighbourhood, new CampaignRules(4, 3, FollowUpEveryDays: 7, 20));
        await bed.EnrolAsync("beginner", CallerLevel.Beginner);
        await bed.EnrolAsync("expert", CallerLevel.Expert);

        var first = (await NextAsync(bed, campaign, "beginner")).Sheet!;
        first.Complex.ShouldBeFalse();
        var referral = await bed.WithAsync(sp => sp.GetRequiredService<CallDesk>().FileReferralAsync(
            first.CallId, NeedCategory.Food, ReferralUrgency.Soon, "Ne peut plus faire ses courses depuis sa chute.", true, CampaignBed.User("beginner"), default));
        referral.ShouldNotBeNull();
        referral.CallId.ShouldBe(first.CallId);
        (await RecordAsync(bed, first.CallId, "beginner", Outcome(CallOutcome.Reached))).Kind.ShouldBe(CallDesk.RecordKind.Recorded);

        clock.Advance(TimeSpan.FromDays(8));
        (await NextAsync(bed, campaign, "beginner")).Kind.ShouldBe(CallDesk.NextKind.NothingDue);
        var expert = (await NextAsync(bed, campaign, "expert")).Sheet!;
        expert.Complex.ShouldBeTrue();
    }

    [SkippableFact]
    public async Task People_without_a_current_consent_are_counted_never_listed_and_a_withdrawal_takes_them_out_of_the_queue()
    {
        await using var bed = await CampaignBed.StartAsync(kind);
        var neighbourhood = await bed.NeighbourhoodAsync();
        var agreed = await bed.RegisterAsync(2, neighbourhood);
        await bed.RegisterAsync(3, neighbourhood, outreachConsent: false);
        var campaign = await bed.StartCampaignAsync(neighbourhood, new CampaignRules(4, 3, null, 20));
        var counts = await bed.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaign).Select(c => new { c.TargetCount, c.HiddenCount }).SingleAsync());
        counts.TargetCount.ShouldBe(2);
        counts.HiddenCount.ShouldBe(3);
        (await bed.WithDbAsync(db => db.CallTargets.CountAsync(t => t.CampaignId == campaign))).ShouldBe(2);

        // One of the two withdraws from the register's calls after the list was built.
        var subject = await bed.WithDbAsync(db => db.Registrants.Where(r => r.Id == agreed[0]).Select(r => r.SubjectId).SingleAsync());
        await bed.WithAsync(async sp =>
        {
            await sp.GetRequiredService<Modules.DataTrust.Contracts.ConsentRecording>().RecordThroughAgentAsync(
                subject, "outreach-calls", given: false, Modules.DataTrust.Contracts.ConsentChannel.Phone, "agent-1", null, default);
            return true;
        });
        await bed.EnrolAsync("caller-a");
        var handed = (await NextAsync(bed, campaign, "caller-a")).Sheet!;
        handed.LastName.ShouldBe("Nom1");
        (await RecordAsync(bed, handed.CallId, "caller-a", Outcome(CallOutcome.Reached))).Kind.ShouldBe(CallDesk.RecordKind.Recorded);
        (await NextAsync(bed, campaign, "caller-a")).Kind.ShouldBe(CallDesk.NextKind.NothingDue);
        var denied = await bed.WithDbAsync(async db => await (await db.IntegratedAuditAsync()).CountAsync(e => e.Action == "outreach.call-claim" && e.Result == "Denied"));
        denied.ShouldBe(1);
        var claims = await bed.WithDbAsync(async db => await (await db.IntegratedAuditAsync()).CountAsync(e => e.Action == "outreach.call-claim" && e.Result == "Allowed"));
        claims.ShouldBe(1);
    }

    [SkippableFact]
    public async Task A_person_who_withdrew_from_the_register_is_never_handed_out()
    {
        await using var bed = await CampaignBed.StartAsync(kind);
        var neighbourhood = await bed.NeighbourhoodAsync();
        var people = await bed.RegisterAsync(1, neighbourhood);
        var campaign = await bed.StartCampaignAsync(neighbourhood, new CampaignRules(4, 3, null, 20));
        await bed.WithAsync(sp => sp.GetRequiredService<Modules.Outreach.Registry.RegistryDesk>().WithdrawAsync(
            people[0], Modules.DataTrust.Contracts.ConsentChannel.Phone, null, CampaignBed.User("agent-1", Modules.Access.Domain.Roles.Agent), default));
        await bed.EnrolAsync("caller-a");

        (await NextAsync(bed, campaign, "caller-a")).Kind.ShouldBe(CallDesk.NextKind.NothingDue);
        (await bed.WithDbAsync(db => db.CallTargets.Where(t => t.CampaignId == campaign).Select(t => t.Status).SingleAsync())).ShouldBe(CallTargetStatus.Done);
        (await bed.WithDbAsync(db => db.CallRecords.CountAsync(c => c.CampaignId == campaign))).ShouldBe(0);
    }

    [SkippableFact]
    public async Task A_caller_sees_only_their_current_call_and_someone_not_enrolled_gets_nothing()
    {
        await using var bed = await CampaignBed.StartAsync(kind);
        var neighbourhood = await bed.NeighbourhoodAsync();
        await bed.RegisterAsync(2, neighbourhood);
        var campaign = await bed.StartCampaignAsync(neighbourhood, new CampaignRules(4, 3, null, 20));
        await bed.EnrolAsync("caller-a");
        await bed.EnrolAsync("caller-b");

        (await NextAsync(bed, campaign, "stranger")).Kind.ShouldBe(CallDesk.NextKind.NotCaller);
        var mine = (await NextAsync(bed, campaign, "caller-a")).Sheet!;
        var desk = (string user) => bed.WithAsync(sp => sp.GetRequiredService<CallDesk>().SheetAsync(mine.CallId, CampaignBed.User(user), default));
        (await desk("caller-a")).ShouldNotBeNull();
        (await desk("caller-b")).ShouldBeNull();
        (await desk("stranger")).ShouldBeNull();
        (await RecordAsync(bed, mine.CallId, "caller-b", Outcome(CallOutcome.Reached))).Kind.ShouldBe(CallDesk.RecordKind.NotYours);
        (await bed.WithAsync(sp => sp.GetRequiredService<CallDesk>().FileReferralAsync(
            mine.CallId, NeedCategory.Health, ReferralUrgency.Urgent, "Malaise", true, CampaignBed.User("caller-b"), default))).ShouldBeNull();
        (await RecordAsync(bed, mine.CallId, "caller-a", Outcome(CallOutcome.Reached))).Kind.ShouldBe(CallDesk.RecordKind.Recorded);
        (await desk("caller-a")).ShouldBeNull();
    }
}

public sealed class CallQueueSqliteTests() : CallQueueTests(DatabaseKind.Sqlite)
{
    protected override int Claimers => 6;

    protected override int InstanceCount => 2;
}

public sealed class CallQueuePostgreSqlTests() : CallQueueTests(DatabaseKind.PostgreSql)
{
    protected override int Claimers => 24;

    protected override int InstanceCount => 2;
}
