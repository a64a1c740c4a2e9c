using System.CommandLine;
using System.Globalization;
using Reflexes.Matching.Export;
using Reflexes.Matching.Planning;
using Reflexes.Matching.Reading;

namespace Reflexes.Cli.Matching;

/// <summary>
/// <c>reflexes match</c>: reads an instance file, writes an exactly optimal plan (and, on request, the network
/// in DIMACS format). Re-planning takes the previous plan and the confirmed assignments. Nothing is written
/// unless every input is valid.
/// </summary>
internal static class MatchCommand
{
    public const int Ok = 0;
    public const int BadInput = 1;

    public static void AddTo(RootCommand root) => root.Subcommands.Add(Create());

    private static Command Create()
    {
        var instance = new Option<FileInfo>("--instance") { Description = "Instance file (JSON: volunteers and slots).", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the plan (JSON).", Required = true };
        var dimacs = new Option<FileInfo?>("--dimacs") { Description = "Also write the network solved, as a DIMACS min-cost flow problem." };
        var previous = new Option<FileInfo?>("--previous") { Description = "Re-plan: the previous plan; at equal objective its proposals are kept where possible." };
        var confirmed = new Option<FileInfo?>("--confirmed") { Description = "Re-plan: assignments volunteers have confirmed ({\"assignments\": [{\"volunteer\", \"slot\"}]}); they are kept as they are." };
        var command = new Command("match", "Compute the optimal plan of volunteers for slots: most priority-weighted places filled, then least travel.")
        {
            instance, output, dimacs, previous, confirmed,
        };
        command.SetAction(async (result, ct) =>
        {
            var error = result.InvocationConfiguration.Error;
            var instancePath = result.GetValue(instance)!;
            var outPath = result.GetValue(output)!;
            var dimacsPath = result.GetValue(dimacs);
            var previousPath = result.GetValue(previous);
            var confirmedPath = result.GetValue(confirmed);

            var inputs = new[] { instancePath, previousPath, confirmedPath }.OfType<FileInfo>().ToList();
            foreach (var missing in inputs.Where(f => !f.Exists))
            {
                await error.WriteLineAsync($"File not found: {missing.FullName}");
                return BadInput;
            }

            foreach (var target in new[] { outPath, dimacsPath }.OfType<FileInfo>())
            {
                if (inputs.Any(i => string.Equals(i.FullName, target.FullName, StringComparison.Ordinal)))
                {
                    await error.WriteLineAsync($"{target.Name} is an input file; choose another output file so that it is not overwritten.");
                    return BadInput;
                }
            }

            if (dimacsPath is not null && string.Equals(dimacsPath.FullName, outPath.FullName, StringComparison.Ordinal))
            {
                await error.WriteLineAsync("--out and --dimacs must be different files.");
                return BadInput;
            }

            MatchResult match;
            try
            {
                var problem = InstanceReader.ReadFile(instancePath.FullName);
                var options = new MatchOptions
                {
                    Confirmed = confirmedPath is null ? [] : AssignmentListReader.ReadFile(confirmedPath.FullName),
                    ConfirmedInput = confirmedPath?.Name ?? "confirmed assignments",
                    Previous = previousPath is null ? [] : [.. AssignmentListReader.ReadFile(previousPath.FullName).Select(p => p.Pair)],
                };
                match = MatchingEngine.Solve(problem, options, ct);
            }
            catch (MatchingInputException e)
            {
                await error.WriteLineAsync($"{e.Input}: {e.Errors.Count} error(s); no plan was written.");
                foreach (var problem in e.Errors)
                {
                    await error.WriteLineAsync($"{e.Input}: {problem}");
                }

                return BadInput;
            }

            await WriteAtomicallyAsync(outPath, stream => PlanWriter.Write(match.Plan, stream), ct);
            if (dimacsPath is not null)
            {
                await WriteAtomicallyAsync(dimacsPath, stream => DimacsWriter.Write(match, stream), ct);
            }

            var plan = match.Plan;
            var places = plan.Unfilled.Sum(u => u.Places);
            await result.InvocationConfiguration.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{outPath.Name}: {plan.Filled} assignment(s), covered weight {plan.CoveredWeight}, {plan.DistanceMeters / 1000.0:0.###} km of travel, {places} place(s) unfilled in {plan.Unfilled.Count} slot(s); {plan.Seconds:0.###} s."));
            if (plan.Replan is { } replan)
            {
                await result.InvocationConfiguration.Output.WriteLineAsync(
                    $"Re-plan: {replan.Confirmed} confirmed kept, {replan.Kept} of {replan.PreviousProposals} previous proposal(s) kept, {replan.Changed} changed.");
            }

            return Ok;
        });
        return command;
    }

    /// <summary>Writes next to the target and renames, so a failure never leaves a half-written plan.</summary>
    private static async Task WriteAtomicallyAsync(FileInfo target, Action<Stream> write, CancellationToken ct)
    {
        var temporary = target.FullName + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                await stream.FlushAsync(ct);
            }

            File.Move(temporary, target.FullName, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
