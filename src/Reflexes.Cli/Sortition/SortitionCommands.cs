using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Reflexes.Sortition;
using Reflexes.Sortition.Input;
using Reflexes.Sortition.Lottery;

namespace Reflexes.Cli.Sortition;

/// <summary>`reflexes sortition select|lottery|draw`: a fair selection lottery, its uniform rounding, and the public draw.</summary>
internal static class SortitionCommands
{
    public const int Ok = 0;
    public const int BadInput = 1;
    public const int InfeasibleQuotas = 2;
    public const int SolverFailure = 3;

    public static void AddTo(RootCommand root)
    {
        var sortition = new Command("sortition", "Fair stratified selection of citizens' panels, with a verifiable public draw.");
        sortition.Subcommands.Add(Select());
        sortition.Subcommands.Add(Lottery());
        sortition.Subcommands.Add(Draw());
        root.Subcommands.Add(sortition);
    }

    private static Command Select()
    {
        var respondents = new Option<FileInfo>("--respondents") { Description = "Respondents: respondents.csv (replication) or the people file (sf).", Required = true };
        var categories = new Option<FileInfo>("--categories") { Description = "Quotas: categories.csv (replication) or features.csv (sf).", Required = true };
        var k = new Option<int>("--k") { Description = "Panel size.", Required = true };
        var algorithm = new Option<string>("--algorithm") { Description = "leximin (exact, fairest), maximin, or legacy (pre-2021 greedy, estimated).", DefaultValueFactory = _ => "leximin" };
        algorithm.AcceptOnlyFromAmong("leximin", "maximin", "legacy");
        var format = new Option<string>("--format") { Description = "replication (Nature 2021) or sf (Sortition Foundation).", DefaultValueFactory = _ => "replication" };
        format.AcceptOnlyFromAmong("replication", "sf");
        var households = new Option<bool>("--households") { Description = "At most one person per address." };
        var addressColumns = new Option<string[]>("--address-columns") { Description = "Columns forming the address (default: primary_address1, primary_address2, primary_city, primary_zip when present).", AllowMultipleArgumentsPerToken = true };
        var idColumn = new Option<string?>("--id-column") { Description = "Id column of the sf people file (default: the first column)." };
        var draws = new Option<int>("--draws") { Description = "Legacy only: draws used to estimate probabilities.", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "Legacy only: seed of the draws.", DefaultValueFactory = _ => 2021 };
        var output = new Option<FileInfo>("--out") { Description = "Where to write result.json.", Required = true };
        var command = new Command("select", "Compute the selection lottery and write result.json. Exit 1: bad input; exit 2: quotas no panel can meet; exit 3: numerical failure of the solver.")
        {
            respondents, categories, k, algorithm, format, households, addressColumns, idColumn, draws, seed, output,
        };
        command.SetAction(async (result, ct) =>
        {
            var stdout = result.InvocationConfiguration.Output;
            var stderr = result.InvocationConfiguration.Error;
            var size = result.GetValue(k);
            if (size < 1)
            {
                await stderr.WriteLineAsync($"--k must be at least 1 (got {size}).");
                return BadInput;
            }

            if (result.GetValue(draws) < 1)
            {
                await stderr.WriteLineAsync("--draws must be at least 1.");
                return BadInput;
            }

            var useHouseholds = result.GetValue(households);
            var addresses = result.GetValue(addressColumns) ?? [];
            Pool pool;
            try
            {
                pool = result.GetValue(format) == "sf"
                    ? SortitionFoundationFormat.Read(result.GetValue(categories)!.FullName, result.GetValue(respondents)!.FullName, result.GetValue(idColumn), addresses)
                    : ReplicationFormat.Read(result.GetValue(categories)!.FullName, result.GetValue(respondents)!.FullName, addresses);
            }
            catch (SortitionInputException e)
            {
                await stderr.WriteLineAsync(e.Message);
                return BadInput;
            }

            if (useHouseholds && pool.People.All(p => p.Household is null))
            {
                await stderr.WriteLineAsync($"{result.GetValue(respondents)!.Name}: --households needs address columns, and none was found (name them with --address-columns).");
                return BadInput;
            }

            var chosen = Enum.Parse<SelectionAlgorithm>(result.GetValue(algorithm)!, ignoreCase: true);
            SelectionResult selection;
            try
            {
                selection = SortitionEngine.Select(pool, size, useHouseholds, chosen, new SelectionOptions { LegacyDraws = result.GetValue(draws), LegacySeed = result.GetValue(seed) }, ct);
            }
            catch (InfeasibleQuotasException e)
            {
                await stderr.WriteLineAsync($"{result.GetValue(categories)!.Name}: {e.Message}");
                return InfeasibleQuotas;
            }
            catch (InvalidOperationException e)
            {
                await stderr.WriteLineAsync($"The optimisation could not be completed: {e.Message} Nothing was written.");
                return SolverFailure;
            }

            var target = result.GetValue(output)!;
            await WriteAtomically(target, stream => ResultFile.Write(stream, selection, useHouseholds), ct);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{result.GetValue(algorithm)}: n={pool.People.Count}, k={size}, minimum probability {selection.MinProbability:P2}, Gini {selection.Gini:P1}, geometric mean {selection.GeometricMean:P2}, {selection.Panels.Count} panels, {selection.Elapsed.TotalSeconds:F2} s → {target.Name}"));
            foreach (var never in selection.NeverSelectable)
            {
                await stdout.WriteLineAsync($"never selectable: {pool.People[never.Person].Id}: {never.Reason}");
            }

            return Ok;
        });
        return command;
    }

    private static Command Lottery()
    {
        var resultFile = new Option<FileInfo>("--result") { Description = "result.json written by `sortition select`.", Required = true };
        var panels = new Option<int>("--panels") { Description = "Number of numbered tickets (N).", DefaultValueFactory = _ => 1000 };
        var output = new Option<FileInfo>("--out") { Description = "Where to write lottery.json.", Required = true };
        var command = new Command("lottery", "Round the lottery to N equally likely numbered panels and print the SHA-256 to publish before the seed is known.")
        {
            resultFile, panels, output,
        };
        command.SetAction(async (result, ct) =>
        {
            var stdout = result.InvocationConfiguration.Output;
            var stderr = result.InvocationConfiguration.Error;
            var count = result.GetValue(panels);
            if (count < 1)
            {
                await stderr.WriteLineAsync($"--panels must be at least 1 (got {count}).");
                return BadInput;
            }

            var file = result.GetValue(resultFile)!;
            (Pool Pool, bool Households, int K, string Algorithm, List<SelectedPanel> Panels) read;
            try
            {
                using var document = await Parse(file, ct);
                read = ResultFile.Read(document.RootElement);
            }
            catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or IOException)
            {
                await stderr.WriteLineAsync($"{file.Name}: {e.Message}");
                return BadInput;
            }

            var lottery = UniformLottery.Round(read.Panels, read.Pool.People.Count, count, ct);
            var target = result.GetValue(output)!;
            await WriteAtomically(target, stream => LotteryFile.Write(stream, lottery, read.Pool, read.Households, read.K, read.Algorithm), ct);
            var hash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(target.FullName, ct)));
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{count} tickets over {lottery.Tickets.Count} distinct panels; largest change of a person's probability {lottery.MaxDeviation:0.######} (guaranteed below {lottery.MaxBound:0.######}) → {target.Name}"));
            await stdout.WriteLineAsync($"SHA-256 {hash}");
            return Ok;
        });
        return command;
    }

    private static Command Draw()
    {
        var lotteryFile = new Option<FileInfo>("--lottery") { Description = "lottery.json written by `sortition lottery`.", Required = true };
        var seed = new Option<string>("--seed") { Description = "The public seed (dice, lottery numbers, beacon value), exactly as published.", Required = true };
        var decline = new Option<string[]>("--decline") { Description = "Ids of drawn people who decline; a replacement keeping the quotas is drawn for each, in order.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("draw", "Turn a public seed into a ticket number and its panel (docs/sortition-draw.md); anyone re-running it gets the same panel.")
        {
            lotteryFile, seed, decline,
        };
        command.SetAction(async (result, ct) =>
        {
            var stdout = result.InvocationConfiguration.Output;
            var stderr = result.InvocationConfiguration.Error;
            var file = result.GetValue(lotteryFile)!;
            var seedText = result.GetValue(seed)!;
            (Pool Pool, bool Households, int Tickets, List<LotteryTicket> Panels) read;
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(file.FullName, ct);
                using var document = JsonDocument.Parse(bytes);
                read = LotteryFile.Read(document.RootElement);
            }
            catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or IOException)
            {
                await stderr.WriteLineAsync($"{file.Name}: {e.Message}");
                return BadInput;
            }

            var pool = read.Pool;
            var ticket = PublicDraw.Number(seedText, read.Tickets);
            var panel = read.Panels.First(p => p.First <= ticket && ticket <= p.Last);
            await stdout.WriteLineAsync($"{file.Name} SHA-256 {Convert.ToHexStringLower(SHA256.HashData(bytes))}");
            await stdout.WriteLineAsync($"seed \"{seedText}\" → ticket {ticket.ToString(CultureInfo.InvariantCulture)} of {read.Tickets.ToString(CultureInfo.InvariantCulture)}");
            await stdout.WriteLineAsync($"panel: {string.Join(", ", panel.Members.Select(m => pool.People[m].Id))}");
            var index = ResultFile.Index(pool);
            var members = panel.Members.ToList();
            var excluded = new HashSet<int>();
            foreach (var id in result.GetValue(decline) ?? [])
            {
                if (!index.TryGetValue(id, out var person) || !members.Contains(person))
                {
                    await stderr.WriteLineAsync($"--decline {id}: this person is not on the drawn panel (ticket {ticket.ToString(CultureInfo.InvariantCulture)}).");
                    return BadInput;
                }

                excluded.Add(person);
                var replacement = PublicDraw.Replacement(pool, read.Households, members, person, excluded, seedText);
                if (replacement is not { } chosen)
                {
                    await stdout.WriteLineAsync($"replacement for {id}: nobody outside the panel keeps every quota; the seat stays empty.");
                    members.Remove(person);
                    continue;
                }

                members[members.IndexOf(person)] = chosen;
                excluded.Add(chosen);
                await stdout.WriteLineAsync($"replacement for {id}: {pool.People[chosen].Id} (seed \"{PublicDraw.ReplacementSeed(seedText, id)}\")");
            }

            return Ok;
        });
        return command;
    }

    private static async Task<JsonDocument> Parse(FileInfo file, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            throw new IOException($"file not found ({file.FullName}).");
        }

        await using var stream = file.OpenRead();
        return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
    }

    /// <summary>Writes to a temporary file beside the target, then renames: a failed run leaves nothing half-written.</summary>
    private static async Task WriteAtomically(FileInfo target, Action<Stream> write, CancellationToken cancellationToken)
    {
        var temporary = target.FullName + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            write(stream);
            await stream.FlushAsync(cancellationToken);
        }

        File.Move(temporary, target.FullName, overwrite: true);
    }
}
