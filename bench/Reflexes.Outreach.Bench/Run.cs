using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Reflexes.Web.Modules.Outreach.Domain;
using CallDesk = Reflexes.Web.Modules.Outreach.Calls.CallDesk;

namespace Reflexes.Outreach.Bench;

/// <summary>
/// The simulated callers: each loops claim next → (sometimes a referral) → record an outcome, on its
/// instance, until the end. At <see cref="Options.KillAfter"/> seconds, the second instance's callers
/// vanish mid-call and the instance stops; their people come back after the reservation's timeout.
/// </summary>
internal sealed class Run(Options options, Guid campaignId, IReadOnlyList<WebApplication> instances)
{
    private static readonly string[] Answers = ["Bien", "yes", "2", ""];

    /// <summary>Who holds each person right now (by phone number, unique per person), and until when abandoned hand-outs stay held.</summary>
    private readonly ConcurrentDictionary<string, int> _held = new();
    private readonly ConcurrentDictionary<string, DateTime> _abandoned = new();
    private readonly ConcurrentBag<double> _latencies = [];
    private long _claims;
    private long _recorded;
    private long _late;
    private long _referrals;
    private long _empty;
    private long _doubles;
    private long _killedClaims;

    public async Task<Report> ExecuteAsync()
    {
        using var end = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds));
        using var kill = CancellationTokenSource.CreateLinkedTokenSource(end.Token);
        var started = Stopwatch.StartNew();
        var callers = Enumerable.Range(0, options.Callers)
            .Select(i => Task.Run(() => CallerAsync(i, i % 2 == 1, i % 2 == 0 ? end.Token : kill.Token)))
            .ToList();
        var stopped = false;
        if (options.KillAfter > 0 && options.KillAfter < options.Seconds)
        {
            await Task.Delay(TimeSpan.FromSeconds(options.KillAfter));
            await kill.CancelAsync();
            await Task.WhenAll(callers.Where((_, i) => i % 2 == 1));
            await instances[1].StopAsync();
            await instances[1].DisposeAsync();
            stopped = true;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"instance b stopped at {started.Elapsed.TotalSeconds:F1} s, {_abandoned.Count} call(s) abandoned mid-way"));
        }

        await Task.WhenAll(callers);
        var seconds = started.Elapsed.TotalSeconds;
        return new Report(options, seconds, stopped, _claims, _recorded, _late, _referrals, _empty, _doubles, _killedClaims, _abandoned.Count, [.. _latencies]);
    }

    private async Task CallerAsync(int index, bool onSecond, CancellationToken stop)
    {
        var user = BenchProgram.CallerPrincipal(index);
        var services = instances[onSecond ? 1 : 0].Services;
        var random = new Random(index);
        while (!stop.IsCancellationRequested)
        {
            CallDesk.NextCall next;
            var t0 = Stopwatch.GetTimestamp();
            using (var scope = services.CreateScope())
            {
                next = await scope.ServiceProvider.GetRequiredService<CallDesk>().NextAsync(campaignId, user, CancellationToken.None);
            }

            _latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
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

            if (stop.IsCancellationRequested && onSecond)
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
            if (outcome == CallOutcome.Reached && random.Next(50) == 0
                && await desk.FileReferralAsync(sheet.CallId, NeedCategory.Isolation, ReferralUrgency.Soon, "Vit seule, souhaite des visites.", true, user, CancellationToken.None) is not null)
            {
                Interlocked.Increment(ref _referrals);
            }

            _held.TryRemove(sheet.Phone, out _);
            var result = await desk.RecordAsync(sheet.CallId,
                new CallDesk.Recording(outcome, Answers, null, outcome == CallOutcome.CallBack ? DateTime.UtcNow.AddHours(2) : null), user, CancellationToken.None);
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
    Options Options, double Seconds, bool Stopped, long Claims, long Recorded, long Late, long Referrals, long Empty, long DoubleHandOuts,
    long KilledClaims, int Abandoned, double[] Latencies)
{
    public void Print(Breakdown breakdown, BenchProgram.Checks checks)
    {
        var sorted = Latencies.Order().ToArray();
        double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        var lines = new List<(string, string)>
        {
            ("people in the campaign", Options.People.ToString("N0", CultureInfo.InvariantCulture)),
            ("simulated callers (2 instances)", Options.Callers.ToString(CultureInfo.InvariantCulture)),
            ("run (s)", Seconds.ToString("F1", CultureInfo.InvariantCulture)),
            ("instance b stopped after (s)", Stopped ? Options.KillAfter.ToString(CultureInfo.InvariantCulture) : "not stopped"),
            ("claims (people handed out)", Claims.ToString("N0", CultureInfo.InvariantCulture)),
            ("claims/s", (Claims / Seconds).ToString("F1", CultureInfo.InvariantCulture)),
            ("claim latency p50 (ms)", P(0.50).ToString("F1", CultureInfo.InvariantCulture)),
            ("claim latency p95 (ms)", P(0.95).ToString("F1", CultureInfo.InvariantCulture)),
            ("claim latency p99 (ms)", P(0.99).ToString("F1", CultureInfo.InvariantCulture)),
            ("  of which: claim statement p50/p95 (ms)", breakdown.Describe("outreach.claim.statement")),
            ("  of which: access check + audit append p50/p95 (ms)", breakdown.Describe("outreach.claim.authorise")),
            ("  of which: call row + sheet read p50/p95 (ms)", breakdown.Describe("outreach.claim.sheet")),
            ("'nobody due' answers", Empty.ToString("N0", CultureInfo.InvariantCulture)),
            ("outcomes recorded by callers", Recorded.ToString("N0", CultureInfo.InvariantCulture)),
            ("  of which late (after the reservation)", Late.ToString("N0", CultureInfo.InvariantCulture)),
            ("outcomes in the database", checks.Outcomes.ToString("N0", CultureInfo.InvariantCulture)),
            ("lost outcomes (must be 0)", (Recorded - checks.Outcomes).ToString(CultureInfo.InvariantCulture)),
            ("calls abandoned by stopped instance", KilledClaims.ToString("N0", CultureInfo.InvariantCulture)),
            ("calls left open in the database", checks.OpenCalls.ToString("N0", CultureInfo.InvariantCulture)),
            ("reservations timed out, claimable again at the end", checks.Released.ToString("N0", CultureInfo.InvariantCulture)),
            ("referrals filed", $"{Referrals} (database: {checks.Referrals})"),
            ("claim audit entries (in the log + still pending)", string.Create(CultureInfo.InvariantCulture, $"{checks.AuditEntries + checks.PendingAuditEntries:N0} ({checks.AuditEntries:N0} + {checks.PendingAuditEntries:N0})")),
            ("double hand-outs seen by callers (must be 0)", DoubleHandOuts.ToString(CultureInfo.InvariantCulture)),
            ("overlapping hand-outs in the database (must be 0)", checks.Overlaps.ToString(CultureInfo.InvariantCulture)),
        };
        var width = lines.Max(l => l.Item1.Length);
        foreach (var (label, value) in lines)
        {
            Console.WriteLine(label.PadRight(width) + " | " + value);
        }
    }
}
