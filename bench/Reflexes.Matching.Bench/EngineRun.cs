using System.Diagnostics;
using System.Globalization;
using Reflexes.Matching.Export;
using Reflexes.Matching.Planning;
using Reflexes.Matching.Reading;

namespace Reflexes.Matching.Bench;

/// <summary>What <c>reflexes match</c> does (read the instance, build, solve, write the plan), timed, then the DIMACS export.</summary>
internal static class EngineRun
{
    public static int Run(string[] args)
    {
        var (instancePath, planPath, dimacsPath) = (args[0], args[1], args[2]);
        var clock = Stopwatch.StartNew();
        var instance = InstanceReader.ReadFile(instancePath);
        var read = clock.Elapsed.TotalSeconds;
        // An optional fourth argument sets the core size of cost scaling (0: the whole network), for experiments.
        var options = args.Length > 3 ? new MatchOptions { CoreArcsPerHalfDay = int.Parse(args[3], CultureInfo.InvariantCulture) } : new MatchOptions();
        var result = MatchingEngine.Solve(instance, options);
        var solved = clock.Elapsed.TotalSeconds;
        using (var stream = File.Create(planPath))
        {
            PlanWriter.Write(result.Plan, stream);
        }

        var total = clock.Elapsed.TotalSeconds;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        using (var stream = new FileStream(dimacsPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            DimacsWriter.Write(result, stream);
        }

        foreach (var phase in result.Phases)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {phase.Phase}: {phase.Seconds:0.000} s, cpu {phase.CpuSeconds:0.000} s {phase.Note}"));
        }

        var plan = result.Plan;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"seconds\": {total:0.###}, \"cpuSeconds\": {cpu:0.###}, \"readSeconds\": {read:0.###}, \"solveSeconds\": {solved - read:0.###}, \"peakMb\": {peak:0.#}, \"coveredWeight\": {plan.CoveredWeight}, \"filled\": {plan.Filled}, \"distanceMeters\": {plan.DistanceMeters}, \"objective\": {plan.Network.Objective}, \"nodes\": {plan.Network.Nodes}, \"arcs\": {plan.Network.Arcs}}}"));
        return 0;
    }
}
