using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Reflexes.Matching.Bench;

/// <summary>Generates each size, runs the engine, LEMON's NetworkSimplex on the same DIMACS network, and greedy; prints one table.</summary>
internal static class Harness
{
    private static readonly Dictionary<string, (int Volunteers, int Slots, int Weeks)> Sizes = new()
    {
        ["S"] = (2_000, 500, 1),
        ["M"] = (20_000, 5_000, 1),
        ["L"] = (100_000, 25_000, 4),
    };

    public static async Task<int> MainAsync(string[] args)
    {
        var sizes = Option(args, "--sizes", "S,M").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var seed = int.Parse(Option(args, "--seed", "42"), CultureInfo.InvariantCulture);
        var work = Path.GetFullPath(Option(args, "--work", Path.Combine(AppContext.BaseDirectory, "out")));
        var reuseLemon = args.Contains("--reuse-lemon");
        Directory.CreateDirectory(work);
        var unknown = sizes.Where(s => !Sizes.ContainsKey(s)).ToList();
        if (unknown.Count > 0)
        {
            await Console.Error.WriteLineAsync($"Unknown size(s) {string.Join(", ", unknown)}: use S, M and L.");
            return 2;
        }

        var lemon = await CompileLemonAsync(work);
        var rows = new List<string[]>();
        foreach (var size in sizes)
        {
            var (volunteers, slots, weeks) = Sizes[size];
            Console.Error.WriteLine($"[{size}] generating {volunteers} volunteers x {slots} slots over {weeks} week(s), seed {seed}...");
            var instance = new InstanceGenerator(seed).Create(volunteers, slots, weeks);
            var instancePath = Path.Combine(work, $"instance-{size}.json");
            InstanceWriter.Write(instance, instancePath);
            var dimacsPath = Path.Combine(work, $"network-{size}.dimacs");

            Console.Error.WriteLine($"[{size}] engine...");
            var engine = await RunJsonAsync(Environment.ProcessPath!, [.. SelfArguments(), "engine", instancePath, Path.Combine(work, $"plan-{size}.json"), dimacsPath]);
            Console.Error.WriteLine($"[{size}] engine: {engine.RootElement}");

            Console.Error.WriteLine($"[{size}] greedy...");
            var clock = Stopwatch.StartNew();
            var greedy = GreedyFirstFit.Plan(instance);
            var greedySeconds = clock.Elapsed.TotalSeconds;
            instance = null;
            GC.Collect();

            var lemonRun = await LemonAsync(lemon, dimacsPath, Path.Combine(work, $"lemon-{size}-{seed}.json"), reuseLemon, engine.RootElement);
            Console.Error.WriteLine($"[{size}] LEMON: {lemonRun.RootElement}");

            var e = engine.RootElement;
            var l = lemonRun.RootElement;
            var weight = e.GetProperty("coveredWeight").GetInt64();
            var equal = l.GetProperty("status").GetString() == "optimal" && l.GetProperty("cost").GetInt64() == e.GetProperty("objective").GetInt64();
            var engineSeconds = e.GetProperty("seconds").GetDouble();
            var lemonSeconds = l.GetProperty("solveSeconds").GetDouble();
            rows.Add([
                size,
                $"{volunteers:N0} x {slots:N0} / {weeks} wk",
                $"{e.GetProperty("nodes").GetInt64():N0}",
                $"{e.GetProperty("arcs").GetInt64():N0}",
                $"{weight:N0}",
                $"{e.GetProperty("distanceMeters").GetInt64() / 1000.0:N1}",
                equal ? "yes" : $"NO ({l.GetProperty("cost").GetInt64()} vs {e.GetProperty("objective").GetInt64()})",
                $"{greedy.CoveredWeight:N0}",
                $"{100.0 * (weight - greedy.CoveredWeight) / Math.Max(1, weight):0.0}%",
                $"{greedy.DistanceMeters / 1000.0:N1}",
                $"{engineSeconds:0.00}",
                $"{e.GetProperty("solveSeconds").GetDouble():0.00}",
                $"{lemonSeconds:0.00}",
                $"{engineSeconds / Math.Max(lemonSeconds, 0.001):0.00}",
                $"{e.GetProperty("cpuSeconds").GetDouble():0.00}",
                $"{l.GetProperty("solveCpuSeconds").GetDouble():0.00}",
                $"{e.GetProperty("cpuSeconds").GetDouble() / Math.Max(l.GetProperty("solveCpuSeconds").GetDouble(), 0.001):0.00}",
                $"{greedySeconds:0.00}",
                $"{e.GetProperty("peakMb").GetDouble():N0}",
                $"{l.GetProperty("peakMb").GetDouble():N0}",
            ]);
        }

        Print(rows);
        return 0;
    }

    private static void Print(List<string[]> rows)
    {
        string[] header =
        [
            "size", "instance", "nodes", "arcs", "weight", "km", "= LEMON", "greedy weight", "greedy gap", "greedy km",
            "engine s (e2e)", "engine solve s", "LEMON solve s", "e2e / LEMON", "engine CPU s", "LEMON CPU s", "CPU ratio", "greedy s", "engine MB", "LEMON MB",
        ];
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        Console.WriteLine(string.Join(" | ", header.Select((h, i) => h.PadLeft(widths[i]))));
        Console.WriteLine(string.Join("-|-", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            Console.WriteLine(string.Join(" | ", row.Select((c, i) => c.PadLeft(widths[i]))));
        }
    }

    private static string[] SelfArguments() =>
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? [Assembly.GetExecutingAssembly().Location] : [];

    private static async Task<string> CompileLemonAsync(string work)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "lemon", "lemon_mcf.cpp");
        var binary = Path.Combine(work, "lemon_mcf");
        if (!File.Exists(binary) || File.GetLastWriteTimeUtc(binary) < File.GetLastWriteTimeUtc(source))
        {
            Console.Error.WriteLine("Compiling the LEMON program (needs g++ and liblemon-dev)...");
            await RunAsync("g++", ["-O2", "-std=c++17", "-o", binary, source]);
        }

        return binary;
    }

    /// <summary>
    /// Runs LEMON on the DIMACS network, or with <c>--reuse-lemon</c> takes its figures from an earlier run on the same
    /// size and seed, provided the network has the same nodes and arcs (its solve takes minutes at L).
    /// </summary>
    private static async Task<JsonDocument> LemonAsync(string lemon, string dimacsPath, string cachePath, bool reuse, JsonElement engine)
    {
        if (reuse && File.Exists(cachePath))
        {
            var cached = JsonDocument.Parse(await File.ReadAllTextAsync(cachePath));
            if (cached.RootElement.GetProperty("nodes").GetInt64() == engine.GetProperty("nodes").GetInt64()
                && cached.RootElement.GetProperty("arcs").GetInt64() == engine.GetProperty("arcs").GetInt64())
            {
                Console.Error.WriteLine($"LEMON: figures reused from {cachePath}");
                return cached;
            }
        }

        Console.Error.WriteLine("LEMON NetworkSimplex...");
        var run = await RunJsonAsync(lemon, [dimacsPath]);
        await File.WriteAllTextAsync(cachePath, run.RootElement.GetRawText());
        return run;
    }

    private static async Task<JsonDocument> RunJsonAsync(string program, string[] arguments)
    {
        var output = await RunAsync(program, arguments);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var phase in lines.Where(l => !l.StartsWith('{')))
        {
            Console.Error.WriteLine(phase);
        }

        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(l => l.StartsWith('{'));
        return JsonDocument.Parse(line);
    }

    private static async Task<string> RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
