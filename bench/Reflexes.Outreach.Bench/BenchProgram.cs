using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.Outreach.Campaigns;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Platform;
using Reflexes.Web.Platform.Data;
using CallDesk = Reflexes.Web.Modules.Outreach.Calls.CallDesk;

namespace Reflexes.Outreach.Bench;

/// <summary>
/// Call-campaign load on PostgreSQL: a 50,000-person campaign, simulated callers against two in-process
/// app instances on one database, one instance stopped mid-run. Prints throughput, claim latency, where
/// the time goes, double hand-outs and lost outcomes. Starts no database server: give it one.
/// </summary>
internal static class BenchProgram
{
    private static readonly string[] Usage =
    [
        "usage: Reflexes.Outreach.Bench [--postgres CONNECTION] [--people N] [--callers N] [--call-ms MS] [--seconds S] [--kill-after S] [--pool N] [--warm-up S] [--keep]",
        "  --warm-up: seconds of the same load on a separate campaign before the measured run, not counted (default 20; 0 = none);",
        "  CONNECTION defaults to $REFLEXES_BENCH_POSTGRES, then $REFLEXES_TEST_POSTGRES; a fresh database is created on that server and dropped after.",
        "  --call-ms: mean time a caller spends on the call between the hand-out and the outcome (uniform ±50 %, seeded; default 560);",
        "  0 is the saturation mode (claim → record with no pause). --pool: connections per app instance (default 40).",
    ];

    public static async Task<int> Main(string[] args)
    {
        var options = Options.Parse(args, out var error);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(error);
            foreach (var line in Usage)
            {
                await Console.Error.WriteLineAsync(line);
            }

            return 2;
        }

        var admin = new NpgsqlConnectionStringBuilder(options.Postgres);
        var name = "reflexes_bench_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(admin.ConnectionString, $"CREATE DATABASE {name}");
        var connection = new NpgsqlConnectionStringBuilder(options.Postgres) { Database = name, MaxPoolSize = options.Pool, Pooling = true };
        try
        {
            return await RunAsync(options, connection);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (!options.Keep)
            {
                await ExecuteAsync(admin.ConnectionString, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
            else
            {
                Console.WriteLine("kept database " + name);
            }
        }
    }

    private static async Task<int> RunAsync(Options options, NpgsqlConnectionStringBuilder connection)
    {
        var loadBefore = await LoadAverageAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average before the run: {loadBefore}; {options.Pool} connections per instance"));
        var clock = Stopwatch.StartNew();
        var first = await StartInstanceAsync(connection, "a");
        var second = await StartInstanceAsync(connection, "b");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"two instances started, database migrated and seeded: {clock.Elapsed.TotalSeconds:F1} s"));

        clock.Restart();
        var campaignId = await LoadAsync(first, options, options.People, "Bench", enrolCallers: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"loaded {options.People:N0} people with consent and a running campaign of {options.People:N0} targets: {clock.Elapsed.TotalSeconds:F1} s"));

        // Warm-up: the same callers on both instances, on a campaign of their own, until the JIT has compiled the hot
        // paths and the pools are full; nothing of it is counted below except in the database checks' audit total.
        long warmUpClaims = 0;
        if (options.WarmUp > 0)
        {
            var warmUpPeople = Math.Max(1_000, options.People / 5);
            var warmUpCampaign = await LoadAsync(first, options, warmUpPeople, "Bench warm-up", enrolCallers: false);
            var warmUp = await new Run(options with { Seconds = options.WarmUp, KillAfter = 0 }, warmUpCampaign, [first, second]).ExecuteAsync();
            warmUpClaims = warmUp.Claims;
            Trips.Reset();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warm-up: {warmUp.Claims:N0} claims in {warmUp.Seconds:F1} s on a separate campaign of {warmUpPeople:N0} people ({warmUp.Claims / warmUp.Seconds:F1}/s; not counted below), {warmUp.DoubleHandOuts} double hand-outs"));
        }

        var breakdown = new Breakdown();
        using var listener = breakdown.Listen();
        var host = connection.Host ?? "";
        var cpu = new CpuTime(host is "127.0.0.1" or "localhost" or "::1" || host.StartsWith('/') ? connection.Port : -1);
        var cpuBefore = cpu.Now();
        var run = new Run(options, campaignId, [first, second]);
        var report = await run.ExecuteAsync();
        var cpuAfter = cpu.Now();
        var load = await LoadAverageAsync();
        await first.StopAsync();
        await first.DisposeAsync();

        var checks = await CheckAsync(connection.ConnectionString, campaignId, options);
        report.Print(breakdown, Trips, checks with { WarmUpClaims = warmUpClaims }, load, (cpuAfter.Process - cpuBefore.Process, cpuAfter.Database - cpuBefore.Database));
        return report.DoubleHandOuts == 0 && checks.Overlaps == 0 && checks.Outcomes == report.Recorded ? 0 : 1;
    }

    /// <summary>Counts each step's round trips on both instances (bench only).</summary>
    private static readonly RoundTrips Trips = new();

    /// <summary>The machine's load average (1, 5, 15 minutes): on a shared machine, only runs under a similar load compare.</summary>
    internal static async Task<string> LoadAverageAsync()
    {
        const string path = "/proc/loadavg";
        if (!File.Exists(path))
        {
            return "unknown";
        }

        var fields = (await File.ReadAllTextAsync(path)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(" / ", fields.Take(3));
    }

    private static async Task<WebApplication> StartInstanceAsync(NpgsqlConnectionStringBuilder connection, string instance)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(WebHost).Assembly.GetName().Name,
            EnvironmentName = "Development",
        });
        builder.Configuration["Database:PostgreSql"] = new NpgsqlConnectionStringBuilder(connection.ConnectionString) { ApplicationName = "reflexes-bench-" + instance }.ConnectionString;
        builder.Configuration["Database:MigrateOnStart"] = "true";
        builder.Configuration["Database:SeedDemoOnEmpty"] = "true";
        builder.Configuration["Security:RequireHttps"] = "false";
        builder.Configuration["Mail:PickupFolder"] = Path.Combine(Path.GetTempPath(), "reflexes-bench-mail");
        builder.Configuration["urls"] = "http://127.0.0.1:0";
        builder.Logging.ClearProviders();
        builder.AddReflexesWeb();
        builder.Services.ConfigureDbContext<ReflexesDbContext>(o => o.AddInterceptors(Trips));
        var app = builder.Build();
        app.UseReflexesWeb();
        await app.InitialiseDatabaseAsync();
        await app.StartAsync();
        return app;
    }

    /// <summary>People, consents and the target list are bulk-inserted (50,000 registrations through the forms would measure the forms).</summary>
    private static async Task<Guid> LoadAsync(WebApplication app, Options options, int people, string name, bool enrolCallers)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ReflexesDbContext>();
        var purposeId = await db.ProcessingPurposes.Where(p => p.Code == CampaignDesk.DefaultPurpose).OrderByDescending(p => p.Version).Select(p => p.Id).FirstAsync();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Database.ExecuteSqlAsync($"""
            CREATE UNLOGGED TABLE bench_people AS SELECT gen_random_uuid() AS subject, gen_random_uuid() AS registrant, g AS n FROM generate_series(1, {people}) g;
            INSERT INTO "DataSubjects" ("Id", "UserId", "CreatedAtUtc") SELECT subject, NULL, now() FROM bench_people;
            INSERT INTO "ConsentRecords" ("Id", "SubjectId", "PurposeId", "Choice", "Channel", "RecordedAtUtc", "RecordedByUserId", "OnBehalfOf", "ExpiresAtUtc")
              SELECT gen_random_uuid(), subject, {purposeId}, 'Given', 'Phone', now() - interval '1 day', 'bench', NULL, now() + interval '11 months' FROM bench_people;
            INSERT INTO "Registrants" ("Id", "SubjectId", "FirstName", "LastName", "BirthDate", "Address", "NeighbourhoodId", "Phone", "OtherPhone", "AlertContact", "Ground", "RegisteredBy", "RegisteredAtUtc", "RecordedByUserId", "WithdrawnAtUtc")
              SELECT registrant, subject, 'Prénom' || n, 'Nom' || n, date '1930-01-01' + (n % 9000), n || ' rue du Banc', NULL, '+33 4 ' || lpad(n::text, 8, '0'), NULL, NULL, 'Age65Plus', 'Self', now() - (n % 700) * interval '1 day', 'bench', NULL FROM bench_people;
            """);
        var campaigns = scope.ServiceProvider.GetRequiredService<CampaignDesk>();
        var campaign = await campaigns.CreateAsync(new CampaignSettings(name, CampaignDesk.DefaultPurpose, new CampaignTargeting(null, null, null, null, null),
            CampaignDemo.Script, new CampaignRules(RetryAfterHours: 1, MaxAttempts: 3, FollowUpEveryDays: 7, ReservationMinutes: 1)), "bench", default);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "CallTargets" ("Id", "CampaignId", "RegistrantId", "SubjectId", "Status", "DueAtUtc", "Attempts", "Complex", "ReservedByCallerId", "ReservationToken", "LastOutcome", "LastCallAtUtc", "CallsMade")
              SELECT gen_random_uuid(), {campaign.Id}, registrant, subject, 'Waiting', now() - interval '1 minute' + n * interval '1 millisecond', 0, n % 10 = 0, NULL, NULL, NULL, NULL, 0 FROM bench_people;
            UPDATE "Campaigns" SET "Status" = 'Running', "StartedAtUtc" = now(), "TargetCount" = {people}, "TargetsBuiltAtUtc" = now() WHERE "Id" = {campaign.Id};
            DROP TABLE bench_people;
            ANALYZE;
            """);
        // The callers, and as many again as the stopped instance had, who sign in again on the surviving one.
        for (var i = 0; enrolCallers && i < options.Callers + (options.Callers / 2); i++)
        {
            db.Callers.Add(Caller.Enrol("bench-caller-" + i.ToString(CultureInfo.InvariantCulture), i % 10 == 0 ? CallerLevel.Beginner : CallerLevel.Experienced, CallerKind.Reserve, "bench", DateTime.UtcNow));
        }

        await db.SaveChangesAsync();
        return campaign.Id;
    }

    internal sealed record Checks(long Overlaps, long Outcomes, long OpenCalls, long Referrals, long AuditEntries, long PendingAuditEntries, long Released)
    {
        /// <summary>Claims made during the warm-up, on its own campaign: their audit entries are in the totals too.</summary>
        public long WarmUpClaims { get; init; }
    }

    /// <summary>From the database: overlapping hand-outs of one person (a double hand-out), outcomes kept, calls left open, audit entries.</summary>
    private static async Task<Checks> CheckAsync(string connection, Guid campaign, Options options)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        async Task<long> ScalarAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, db);
            command.Parameters.AddWithValue("c", campaign);
            command.CommandTimeout = 600;
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        // A hand-out holds the person from its claim to its outcome, or to the end of its reservation if never recorded.
        var overlaps = await ScalarAsync("""
            SELECT count(*) FROM "Calls" a JOIN "Calls" b ON a."TargetId" = b."TargetId" AND a."Id" <> b."Id" AND a."ClaimedAtUtc" <= b."ClaimedAtUtc"
            WHERE a."CampaignId" = @c AND b."ClaimedAtUtc" < COALESCE(a."EndedAtUtc", a."ClaimedAtUtc" + interval '1 minute')
            """);
        return new Checks(
            overlaps,
            await ScalarAsync("SELECT count(*) FROM \"Calls\" WHERE \"CampaignId\" = @c AND \"Outcome\" IS NOT NULL"),
            await ScalarAsync("SELECT count(*) FROM \"Calls\" WHERE \"CampaignId\" = @c AND \"Outcome\" IS NULL"),
            await ScalarAsync("SELECT count(*) FROM \"Referrals\" WHERE \"CampaignId\" = @c"),
            await ScalarAsync("SELECT count(*) FROM \"AuditEntries\" WHERE \"Action\" = 'outreach.call-claim' OR @c IS NULL"),
            // Recorded with their access but not yet integrated by the sequencer (docs/adr/0603): the merge backlog.
            await ScalarAsync("SELECT count(*) FROM \"AuditPendingEntries\" WHERE \"Action\" = 'outreach.call-claim' OR @c IS NULL"),
            await ScalarAsync("SELECT count(*) FROM \"CallTargets\" WHERE \"CampaignId\" = @c AND \"Status\" = 'Reserved' AND \"DueAtUtc\" <= now()"));
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }

    internal static ClaimsPrincipal CallerPrincipal(int i) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "bench-caller-" + i.ToString(CultureInfo.InvariantCulture)), new Claim(ClaimTypes.Role, Roles.Agent)], "bench"));
}

internal sealed record Options(string Postgres, int People, int Callers, int CallMs, int Seconds, int KillAfter, int Pool, bool Keep, int WarmUp)
{
    public static Options? Parse(string[] args, out string error)
    {
        var postgres = Environment.GetEnvironmentVariable("REFLEXES_BENCH_POSTGRES") is { Length: > 0 } b ? b : Environment.GetEnvironmentVariable("REFLEXES_TEST_POSTGRES");
        // 560 ms: 300 callers offer about 536 claims/s, just above the 500 (ADR 0519). 75 s: the 50,000 people last the run;
        // reservations abandoned at 10 s time out (1 minute) before it ends.
        // A 20 s warm-up on a campaign of its own (a fifth of the people) comes first and is not counted.
        int people = 50_000, callers = 300, callMs = 560, seconds = 75, killAfter = 10, pool = 40, warmUp = 20;
        var keep = false;
        error = "";
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--keep")
            {
                keep = true;
                continue;
            }

            if (i + 1 >= args.Length)
            {
                error = $"argument {i + 1} ({arg}): a value is expected after it.";
                return null;
            }

            var value = args[++i];
            int Int()
            {
                if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < 0)
                {
                    throw new FormatException($"argument {i + 1} ({arg}): '{value}' is not a non-negative whole number.");
                }

                return n;
            }

            try
            {
                switch (arg)
                {
                    case "--postgres": postgres = value; break;
                    case "--people": people = Int(); break;
                    case "--callers": callers = Int(); break;
                    case "--call-ms": callMs = Int(); break;
                    case "--seconds": seconds = Int(); break;
                    case "--kill-after": killAfter = Int(); break;
                    case "--pool": pool = Int(); break;
                    case "--warm-up": warmUp = Int(); break;
                    default:
                        error = $"argument {i} ({arg}): unknown option.";
                        return null;
                }
            }
            catch (FormatException e)
            {
                error = e.Message;
                return null;
            }
        }

        if (string.IsNullOrWhiteSpace(postgres))
        {
            error = "no PostgreSQL connection string: pass --postgres or set REFLEXES_BENCH_POSTGRES.";
            return null;
        }

        if (people < 1 || callers < 1 || seconds < 1 || pool < 2)
        {
            error = "--people, --callers and --seconds must be at least 1, --pool at least 2.";
            return null;
        }

        if (callMs > 600_000)
        {
            error = "--call-ms must be at most 600000 (ten minutes).";
            return null;
        }

        return new Options(postgres, people, callers, callMs, seconds, killAfter, pool, keep, warmUp);
    }
}
