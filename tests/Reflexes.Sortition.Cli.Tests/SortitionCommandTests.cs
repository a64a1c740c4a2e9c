using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using Reflexes.Cli;
using Reflexes.Sortition;
using Reflexes.Sortition.Lottery;

namespace Reflexes.Sortition.Cli.Tests;

/// <summary>`reflexes sortition …` run in-process, as an operator would, on the public examples.</summary>
public sealed class SortitionCommandTests
{
    private static readonly string Data = FindTestData();
    private static readonly string Small = Path.Combine(Data, "citizensassemblies-replication", "data", "example_small_20");
    private static readonly string Foundation = Path.Combine(Data, "sortition-algorithms-fixtures");

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand();
        CommandRegistry.AddAll(root);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private static string TempFolder() => Directory.CreateTempSubdirectory("reflexes-sortition-cli-").FullName;

    [Fact]
    public async Task Select_writes_a_result_whose_panels_explain_every_probability()
    {
        var result = Path.Combine(TempFolder(), "result.json");

        var run = await RunAsync("sortition", "select", "--respondents", Path.Combine(Small, "respondents.csv"), "--categories", Path.Combine(Small, "categories.csv"), "--k", "20", "--algorithm", "leximin", "--out", result);

        run.Exit.ShouldBe(0, run.Error);
        run.Output.ShouldContain("leximin: n=200, k=20, minimum probability 10.00");
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(result));
        var root = json.RootElement;
        root.GetProperty("algorithm").GetString().ShouldBe("leximin");
        root.GetProperty("n").GetInt32().ShouldBe(200);
        root.GetProperty("k").GetInt32().ShouldBe(20);
        root.GetProperty("minProbability").GetDouble().ShouldBe(0.1, 1e-6);
        root.GetProperty("gini").GetDouble().ShouldBe(0, 1e-6);
        root.GetProperty("geometricMean").GetDouble().ShouldBe(0.1, 1e-6);
        root.GetProperty("seconds").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
        var panels = root.GetProperty("panels").EnumerateArray().ToList();
        panels.Sum(p => p.GetProperty("probability").GetDouble()).ShouldBe(1, 1e-9);
        var fromPanels = new double[200];
        foreach (var panel in panels)
        {
            var members = panel.GetProperty("members").EnumerateArray().Select(m => m.GetInt32()).ToList();
            members.Count.ShouldBe(20);
            foreach (var m in members)
            {
                fromPanels[m] += panel.GetProperty("probability").GetDouble();
            }
        }

        foreach (var person in root.GetProperty("probabilities").EnumerateArray())
        {
            person.GetProperty("probability").GetDouble().ShouldBe(fromPanels[person.GetProperty("id").GetInt32()], 1e-12);
        }
    }

    [Fact]
    public async Task Select_on_the_sortition_foundation_format_with_households_names_ids_as_strings()
    {
        var result = Path.Combine(TempFolder(), "result.json");

        var run = await RunAsync("sortition", "select", "--format", "sf", "--respondents", Path.Combine(Foundation, "candidates.csv"), "--categories", Path.Combine(Foundation, "features.csv"), "--k", "22", "--households", "--algorithm", "maximin", "--out", result);

        run.Exit.ShouldBe(0, run.Error);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(result));
        json.RootElement.GetProperty("probabilities")[0].GetProperty("id").GetString().ShouldBe("p0");
        json.RootElement.GetProperty("pool").GetProperty("households").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_malformed_respondents_file_fails_with_file_line_and_column_and_writes_nothing()
    {
        var folder = TempFolder();
        var respondents = Path.Combine(folder, "respondents.csv");
        await File.WriteAllTextAsync(respondents, "gender,leaning\nfemale,liberal\nmale,centrist\n");
        var result = Path.Combine(folder, "result.json");

        var run = await RunAsync("sortition", "select", "--respondents", respondents, "--categories", Path.Combine(Small, "categories.csv"), "--k", "1", "--out", result);

        run.Exit.ShouldBe(1);
        run.Error.ShouldContain("respondents.csv: line 3, column 2: 'centrist' is not a value of category 'leaning' in categories.csv");
        File.Exists(result).ShouldBeFalse();
    }

    [Fact]
    public async Task Infeasible_quotas_exit_with_code_2_and_propose_a_relaxation()
    {
        var folder = TempFolder();
        var categories = Path.Combine(folder, "categories.csv");
        await File.WriteAllTextAsync(categories, "category,feature,min,max\ngender,female,15,20\ngender,male,9,20\nleaning,liberal,9,20\nleaning,conservative,9,20\n");
        var result = Path.Combine(folder, "result.json");

        var run = await RunAsync("sortition", "select", "--respondents", Path.Combine(Small, "respondents.csv"), "--categories", categories, "--k", "20", "--out", result);

        run.Exit.ShouldBe(2);
        run.Error.ShouldContain("categories.csv: No panel meets every quota.");
        run.Error.ShouldContain("the minimums of 'gender' add up to 24, more than the panel size 20");
        run.Error.ShouldContain("Smallest relaxation that makes a panel possible (4 seat(s) of slack in all)");
        File.Exists(result).ShouldBeFalse();
    }

    [Fact]
    public async Task Bad_arguments_are_refused_with_a_message()
    {
        var unknownAlgorithm = await RunAsync("sortition", "select", "--respondents", "r.csv", "--categories", "c.csv", "--k", "20", "--algorithm", "random", "--out", "x.json");
        var zeroK = await RunAsync("sortition", "select", "--respondents", Path.Combine(Small, "respondents.csv"), "--categories", Path.Combine(Small, "categories.csv"), "--k", "0", "--out", Path.Combine(TempFolder(), "x.json"));
        var missingResult = await RunAsync("sortition", "lottery", "--result", "/nonexistent/result.json", "--out", Path.Combine(TempFolder(), "lottery.json"));

        unknownAlgorithm.Exit.ShouldNotBe(0);
        unknownAlgorithm.Error.ShouldContain("random");
        zeroK.Exit.ShouldBe(1);
        zeroK.Error.ShouldContain("--k must be at least 1");
        missingResult.Exit.ShouldBe(1);
        missingResult.Error.ShouldContain("result.json: file not found");
    }

    [Fact]
    public async Task Lottery_keeps_each_probability_within_the_stated_bound_and_prints_the_file_hash()
    {
        var folder = TempFolder();
        var result = Path.Combine(folder, "result.json");
        var lottery = Path.Combine(folder, "lottery.json");
        (await RunAsync("sortition", "select", "--format", "sf", "--respondents", Path.Combine(Foundation, "candidates.csv"), "--categories", Path.Combine(Foundation, "features.csv"), "--k", "22", "--out", result)).Exit.ShouldBe(0);

        var run = await RunAsync("sortition", "lottery", "--result", result, "--panels", "1000", "--out", lottery);

        run.Exit.ShouldBe(0, run.Error);
        var hash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(lottery)));
        run.Output.ShouldContain($"SHA-256 {hash}");
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(lottery));
        var root = json.RootElement;
        root.GetProperty("tickets").GetInt32().ShouldBe(1000);
        var panels = root.GetProperty("panels").EnumerateArray().ToList();
        panels[0].GetProperty("first").GetInt32().ShouldBe(1);
        panels[^1].GetProperty("last").GetInt32().ShouldBe(1000);
        var maxDeviation = 0.0;
        var tickets = new Dictionary<string, int>();
        foreach (var panel in panels)
        {
            var count = panel.GetProperty("last").GetInt32() - panel.GetProperty("first").GetInt32() + 1;
            foreach (var m in panel.GetProperty("members").EnumerateArray())
            {
                tickets[m.GetString()!] = tickets.GetValueOrDefault(m.GetString()!) + count;
            }
        }

        foreach (var person in root.GetProperty("probabilities").EnumerateArray())
        {
            var id = person.GetProperty("id").GetString()!;
            var lotteryProbability = tickets.GetValueOrDefault(id) / 1000.0;
            person.GetProperty("lottery").GetDouble().ShouldBe(lotteryProbability, 1e-12);
            var deviation = Math.Abs(lotteryProbability - person.GetProperty("optimum").GetDouble());
            deviation.ShouldBeLessThanOrEqualTo(person.GetProperty("bound").GetDouble() + 1e-12);
            maxDeviation = Math.Max(maxDeviation, deviation);
        }

        root.GetProperty("bound").GetProperty("maxDeviation").GetDouble().ShouldBe(maxDeviation, 1e-12);
        // With 1,000 tickets, no one's chance moves by more than a few tickets' worth.
        maxDeviation.ShouldBeLessThan(0.005);
    }

    [Fact]
    public async Task Draw_is_reproducible_from_the_seed_and_replacements_keep_the_quotas()
    {
        var folder = TempFolder();
        var result = Path.Combine(folder, "result.json");
        var lottery = Path.Combine(folder, "lottery.json");
        (await RunAsync("sortition", "select", "--format", "sf", "--respondents", Path.Combine(Foundation, "candidates.csv"), "--categories", Path.Combine(Foundation, "features.csv"), "--k", "22", "--out", result)).Exit.ShouldBe(0);
        (await RunAsync("sortition", "lottery", "--result", result, "--out", lottery)).Exit.ShouldBe(0);

        var first = await RunAsync("sortition", "draw", "--lottery", lottery, "--seed", "EuroMillions 2026-11-24: 4 17 23 38 45 / 2 9");
        var again = await RunAsync("sortition", "draw", "--lottery", lottery, "--seed", "EuroMillions 2026-11-24: 4 17 23 38 45 / 2 9");

        first.Exit.ShouldBe(0, first.Error);
        again.Output.ShouldBe(first.Output);
        var ticket = PublicDraw.Number("EuroMillions 2026-11-24: 4 17 23 38 45 / 2 9", 1000);
        first.Output.ShouldContain($"→ ticket {ticket} of 1000");
        var panelLine = first.Output.Split('\n').Single(l => l.StartsWith("panel: ", StringComparison.Ordinal)).Trim();
        var members = panelLine["panel: ".Length..].Split(", ");
        members.Length.ShouldBe(22);

        var pool = Input.SortitionFoundationFormat.Read(Path.Combine(Foundation, "features.csv"), Path.Combine(Foundation, "candidates.csv"));
        var index = pool.People.Select((p, i) => (p.Id, i)).ToDictionary(e => e.Id, e => e.i);
        var replaced = 0;
        foreach (var declined in members)
        {
            var withDecline = await RunAsync("sortition", "draw", "--lottery", lottery, "--seed", "EuroMillions 2026-11-24: 4 17 23 38 45 / 2 9", "--decline", declined);

            withDecline.Exit.ShouldBe(0, withDecline.Error);
            var line = withDecline.Output.Split('\n').Single(l => l.StartsWith($"replacement for {declined}: ", StringComparison.Ordinal));
            if (line.Contains("nobody outside the panel keeps every quota", StringComparison.Ordinal))
            {
                continue;
            }

            var replacement = line.Split(' ')[3];
            members.ShouldNotContain(replacement);
            var newPanel = members.Where(m => m != declined).Append(replacement).Select(id => index[id]).ToList();
            PublicDraw.MeetsQuotas(pool, newPanel).ShouldBeTrue();
            replaced++;
        }

        replaced.ShouldBeGreaterThan(0);

        var notOnPanel = pool.People.First(p => !members.Contains(p.Id)).Id;
        var refused = await RunAsync("sortition", "draw", "--lottery", lottery, "--seed", "x", "--decline", notOnPanel);
        refused.Exit.ShouldBe(1);
    }

    [Fact]
    public async Task A_tampered_lottery_file_is_refused()
    {
        var folder = TempFolder();
        var lottery = Path.Combine(folder, "lottery.json");
        await File.WriteAllTextAsync(lottery, "{\"format\":\"something-else\"}");

        var run = await RunAsync("sortition", "draw", "--lottery", lottery, "--seed", "1 2 3");

        run.Exit.ShouldBe(1);
        run.Error.ShouldContain("lottery.json: $.format: expected \"reflexes-sortition-lottery/1\"");
    }

    [Fact]
    public async Task The_sortition_commands_offer_no_database_option_since_they_open_none()
    {
        var help = await RunAsync("sortition", "select", "--help");
        var withDatabase = await RunAsync("sortition", "select", "--respondents", Path.Combine(Small, "respondents.csv"), "--categories", Path.Combine(Small, "categories.csv"), "--k", "20", "--out", Path.Combine(TempFolder(), "result.json"), "--sqlite", "platform.db");

        help.Exit.ShouldBe(0);
        help.Output.ShouldContain("--respondents");
        help.Output.ShouldNotContain("--postgres");
        help.Output.ShouldNotContain("--sqlite");
        help.Output.ShouldNotContain("--environment");
        withDatabase.Exit.ShouldNotBe(0);
        withDatabase.Error.ShouldContain("--sqlite");
    }

    private static string FindTestData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "testdata", "sortition");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("testdata/sortition not found");
    }
}
