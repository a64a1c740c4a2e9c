using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Reflexes.Web.Modules.Outreach.Domain;
using CallDesk = Reflexes.Web.Modules.Outreach.Calls.CallDesk;

namespace Reflexes.Outreach.Bench;

/// <summary>
/// The simulated callers: each loops claim next → on the call for a while (<see cref="Options.CallMs"/>,
/// seeded) → sometimes a referral → record the outcome, on its instance, until the end. At
/// <see cref="Options.KillAfter"/> seconds the second instance's callers vanish mid-call and the instance
/// stops; their people come back only after the reservation's timeout. As many new callers (other
/// accounts, so that nobody resumes an abandoned call) then join the surviving instance, as a load
/// balancer would send the volunteers who sign in again: the load stays at <see cref="Options.Callers"/>.
/// </summary>
internal sealed class Run(Options options, Guid campaignId, IReadOnlyList<WebApplication> instances)
{
    private static readonly string[] Answers = ["Bien", "yes", "2", ""];

    /// <summary>Who holds each person right now (by phone number, unique per person), and until when abandoned hand-outs stay held.</summary>
    private readonly ConcurrentDictionary<string, int> _held = new();
    private readonly ConcurrentDictionary<string, DateTime> _abandoned = new();
    private readonly ConcurrentBag<double> _latencies = [];
    private readonly ConcurrentBag<double> _recordLatencies = [];
    private readonly ConcurrentBag<(double At, double Ms)> _timeline = [];
    private readonly Stopwatch _clock = new();
    private long _claims;
    private long _claimsBeforeKill;
    private long _recorded;
    private long _late;
    private long _referrals;
    private long _empty;
    private long _doubles;
    private long _killedClaims;
    private double _killedAt = double.NaN;
    private volatile bool _killing;

    public async Task<Report> ExecuteAsync()
    {
        using var end = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds));
        using var kill = CancellationTokenSource.CreateLinkedTokenSource(end.Token);
        _clock.Start();
        var callers = Enumerable.Range(0, options.Callers)
            .Select(i => Task.Run(() => CallerAsync(i, i % 2 == 1, i % 2 == 0 ? end.Token : kill.Token)))
            .ToList();
        var stopped = false;
        if (options.KillAfter > 0 && options.KillAfter < options.Seconds)
        {
            await Task.Delay(TimeSpan.FromSeconds(options.KillAfter));
            _claimsBeforeKill = Interlocked.Read(ref _claims);
            _killedAt = _clock.Elapsed.TotalSeconds;
            _killing = true;
            await kill.CancelAsync();
            var killed = Enumerable.Range(0, options.Callers).Where(i => i % 2 == 1).ToList();
            await Task.WhenAll(killed.Select(i => callers[i]));
            await instances[1].StopAsync();
            await instances[1].DisposeAsync();
            stopped = true;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"instance b stopped at {_clock.Elapsed.TotalSeconds:F1} s, {_abandoned.Count} call(s) abandoned mid-way; {killed.Count} callers sign in again on instance a"));
            // The vanished callers' places are taken by callers on the surviving instance (new accounts: an account that
            // came back would be given its own call again, and the abandoned reservations must be left to time out).
            callers.AddRange(killed.Select((_, k) => Task.Run(() => CallerAsync(options.Callers + k, false, end.Token))));
        }

        await Task.WhenAll(callers);
        var seconds = _clock.Elapsed.TotalSeconds;
        return new Report(options, seconds, stopped, _killedAt, _claims, _claimsBeforeKill, _recorded, _late, _referrals, _empty, _doubles, _killedClaims,
            _abandoned.Count, [.. _latencies], [.. _recordLatencies], [.. _timeline]);
    }

    private async Task CallerAsync(int index, bool onSecond, CancellationToken stop)
    {
        var user = BenchProgram.CallerPrincipal(index);
        var services = instances[onSecond ? 1 : 0].Services;
        var random = new Random(index);
        // Callers do not all start in the same millisecond: spread over one call duration.
        if (options.CallMs > 0)
        {
            await Task.Delay(random.Next(options.CallMs), CancellationToken.None);
        }

        while (!stop.IsCancellationRequested)
        {
            CallDesk.NextCall next;
            var t0 = Stopwatch.GetTimestamp();
            using (RoundTrips.In(RoundTrips.Claim))
            using (var scope = services.CreateScope())
            {
                next = await scope.ServiceProvider.GetRequiredService<CallDesk>().NextAsync(campaignId, user, CancellationToken.None);
            }

            var claimMs = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            _latencies.Add(claimMs);
            _timeline.Add((_clock.Elapsed.TotalSeconds, claimMs));
            if (next.Kind != CallDesk.NextKind.Handed || next.Sheet is not { } sheet)
            {
                Interlocked.Increment(ref _empty);
                await Task.Delay(100, CancellationToken.None);
                continue;
            }

            Interlocked.Increment(ref _claims);
            if (!_held.TryAdd(sheet.Phone, index)
                || (_abandoned.TryGetValue(sheet.Phone, out var until) && until > DateTime.UtcNow))
            {
                Interlocked.Increment(ref _doubles);
            }

            // On the call: uniformly between half and one and a half times the mean duration.
            if (options.CallMs > 0)
            {
                await Task.Delay(options.CallMs / 2 + random.Next(options.CallMs + 1), CancellationToken.None);
            }

            // Only the instance stop abandons calls; at the end of a run (or of the warm-up) every caller records its outcome.
            if (_killing && onSecond && stop.IsCancellationRequested)
            {
                // The caller vanishes with the person reserved: released only by the timeout.
                _abandoned[sheet.Phone] = sheet.ReservedUntilUtc;
                _held.TryRemove(sheet.Phone, out _);
                Interlocked.Increment(ref _killedClaims);
                return;
            }

            using var scope2 = services.CreateScope();
            var desk = scope2.ServiceProvider.GetRequiredService<CallDesk>();
            var roll = random.Next(100);
            var outcome = roll switch
            {
                < 70 => CallOutcome.Reached,
                < 90 => CallOutcome.NoAnswer,
                < 95 => CallOutcome.CallBack,
                < 97 => CallOutcome.WrongNumber,
                _ => CallOutcome.Refused,
            };
            if (outcome == CallOutcome.Reached && random.Next(50) == 0)
            {
                using (RoundTrips.In(RoundTrips.Referral))
                {
                    if (await desk.FileReferralAsync(sheet.CallId, NeedCategory.Isolation, ReferralUrgency.Soon, "Vit seule, souhaite des visites.", true, user, CancellationToken.None) is not null)
                    {
                        Interlocked.Increment(ref _referrals);
                    }
                }
            }

            _held.TryRemove(sheet.Phone, out _);
            CallDesk.RecordResult result;
            var t1 = Stopwatch.GetTimestamp();
            using (RoundTrips.In(RoundTrips.Outcome))
            {
                result = await desk.RecordAsync(sheet.CallId,
                    new CallDesk.Recording(outcome, Answers, null, outcome == CallOutcome.CallBack ? DateTime.UtcNow.AddHours(2) : null), user, CancellationToken.None);
            }

            _recordLatencies.Add(Stopwatch.GetElapsedTime(t1).TotalMilliseconds);
            if (result.Kind is CallDesk.RecordKind.Recorded or CallDesk.RecordKind.RecordedLate)
            {
                Interlocked.Increment(ref _recorded);
                if (result.Kind == CallDesk.RecordKind.RecordedLate)
                {
                    Interlocked.Increment(ref _late);
                }
            }
            else
            {
                Console.Error.WriteLine("outcome not recorded: " + result.Kind);
            }
        }
    }
}

internal sealed record Report(
    Options Options, double Seconds, bool Stopped, double KilledAt, long Claims, long ClaimsBeforeKill, long Recorded, long Late, long Referrals, long Empty,
    long DoubleHandOuts, long KilledClaims, int Abandoned, double[] Latencies, double[] RecordLatencies, (double At, double Ms)[] Timeline)
{
    /// <summary>Claims per second 300 callers would make if claims and outcomes took no time: callers / mean call duration.</summary>
    public double Offered => Options.CallMs == 0 ? double.PositiveInfinity : Options.Callers * 1000.0 / Options.CallMs;

    public void Print(Breakdown breakdown, RoundTrips trips, BenchProgram.Checks checks, string load, (TimeSpan Process, TimeSpan? Database) cpu)
    {
        static double P(double[] values, double q)
        {
            if (values.Length == 0)
            {
                return double.NaN;
            }

            var sorted = values.Order().ToArray();
            return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        }

        string Ms(double[] values) => string.Create(CultureInfo.InvariantCulture, $"{P(values, 0.50):F1} / {P(values, 0.95):F1} / {P(values, 0.99):F1}");
        var inv = CultureInfo.InvariantCulture;
        var lines = new List<(string, string)>
        {
            ("people in the campaign", Options.People.ToString("N0", inv)),
            ("simulated callers (2 instances, then 1)", Options.Callers.ToString(inv)),
            ("call duration between hand-out and outcome (ms)", Options.CallMs == 0
                ? "0 (saturation: claim → record with no pause)"
                : string.Create(inv, $"{Options.CallMs} mean, uniform {Options.CallMs / 2}–{Options.CallMs / 2 + Options.CallMs}")),
            ("run (s)", Seconds.ToString("F1", inv)),
            ("instance b stopped after (s)", Stopped ? KilledAt.ToString("F1", inv) : "not stopped"),
            ("load average (1 / 5 / 15 min) at the end", load),
            ("claims (people handed out)", Claims.ToString("N0", inv)),
            ("offered claims/s (callers / mean call duration)", Options.CallMs == 0 ? "unbounded (saturation)" : Offered.ToString("F1", inv)),
            ("achieved claims/s (whole run)", (Claims / Seconds).ToString("F1", inv)),
            ("  two instances, until the stop", Stopped ? (ClaimsBeforeKill / KilledAt).ToString("F1", inv) : "-"),
            ("  one instance, after the stop", Stopped ? ((Claims - ClaimsBeforeKill) / (Seconds - KilledAt)).ToString("F1", inv) : "-"),
            ("claim latency p50 / p95 / p99 (ms)", Ms(Latencies)),
            ("  of which: connection + caller, current call, campaign p50/p95 (ms)", breakdown.Describe("outreach.claim.caller")),
            ("  of which: claim statement p50/p95 (ms)", breakdown.Describe("outreach.claim.statement")),
            ("  of which: access check + audit append p50/p95 (ms)", breakdown.Describe("outreach.claim.authorise")),
            ("  of which: call row + sheet read p50/p95 (ms)", breakdown.Describe("outreach.claim.sheet")),
            ("outcome latency p50 / p95 / p99 (ms)", Ms(RecordLatencies)),
            ("CPU ms per claim: app instances + callers / PostgreSQL", string.Create(inv,
                $"{cpu.Process.TotalMilliseconds / Math.Max(1, Claims):F2} / {(cpu.Database is { } d ? (d.TotalMilliseconds / Math.Max(1, Claims)).ToString("F2", inv) : "not seen (server not local)")}")),
            ("CPU used during the run (s): app + callers / PostgreSQL", string.Create(inv,
                $"{cpu.Process.TotalSeconds:F1} / {(cpu.Database is { } e ? e.TotalSeconds.ToString("F1", inv) : "-")} (of {2 * Seconds:F0} on 2 cores)")),
            ("round trips per claim", trips.Describe(RoundTrips.Claim, Latencies.Length)),
            ("round trips per outcome", trips.Describe(RoundTrips.Outcome, RecordLatencies.Length)),
            ("round trips per referral", trips.Describe(RoundTrips.Referral, Referrals)),
            ("'nobody due' answers", Empty.ToString("N0", inv)),
            ("outcomes recorded by callers", Recorded.ToString("N0", inv)),
            ("  of which late (after the reservation)", Late.ToString("N0", inv)),
            ("outcomes in the database", checks.Outcomes.ToString("N0", inv)),
            ("lost outcomes (must be 0)", (Recorded - checks.Outcomes).ToString(inv)),
            ("calls abandoned by stopped instance", KilledClaims.ToString("N0", inv)),
            ("calls left open in the database", checks.OpenCalls.ToString("N0", inv)),
            ("reservations timed out, claimable again at the end", checks.Released.ToString("N0", inv)),
            ("referrals filed", $"{Referrals} (database: {checks.Referrals})"),
            ("claim audit entries (in the log + still pending)", string.Create(inv, $"{checks.AuditEntries + checks.PendingAuditEntries:N0} ({checks.AuditEntries:N0} + {checks.PendingAuditEntries:N0}), for {Claims + checks.WarmUpClaims:N0} claims with the warm-up's {checks.WarmUpClaims:N0}")),
            ("double hand-outs seen by callers (must be 0)", DoubleHandOuts.ToString(inv)),
            ("overlapping hand-outs in the database (must be 0)", checks.Overlaps.ToString(inv)),
        };
        var width = lines.Max(l => l.Item1.Length);
        foreach (var (label, value) in lines)
        {
            Console.WriteLine(label.PadRight(width) + " | " + value);
        }

        // Where in the run the slow claims are: warm-up, the instance stop, or all along.
        Console.WriteLine();
        Console.WriteLine("seconds  | claims/s | claim p50 / p95 / p99 (ms)");
        const int Window = 5;
        foreach (var window in Timeline.GroupBy(t => (int)(t.At / Window)).OrderBy(g => g.Key))
        {
            var values = window.Select(t => t.Ms).ToArray();
            Console.WriteLine(string.Create(inv, $"{window.Key * Window,3}–{(window.Key + 1) * Window,-3} | {values.Length / (double)Window,8:F1} | {Ms(values)}"));
        }

        Console.WriteLine();
        if (Options.CallMs > 0)
        {
            var met = Claims / Seconds >= 500 && P(Latencies, 0.95) < 50;
            Console.WriteLine(string.Create(inv, $"issue 5 target (≥ 500 claims/s, p95 < 50 ms, 0 doubles, 0 lost): {(met ? "throughput and latency met" : "throughput or latency NOT met")}"));
        }
    }
}
