using System.CommandLine;
using System.Text.Json;
using Reflexes.Cli;

namespace Reflexes.Web.Tests.Cli;

/// <summary>The `reflexes match` command, run in-process on files in a temporary folder.</summary>
public sealed class MatchCommandTests : IDisposable
{
    private const string Instance = """
        {"volunteers": [
          {"id": "ana", "skills": ["first-aid"], "languages": ["fr"], "lat": 45.76, "lon": 4.84, "maxDistanceKm": 5, "halfDays": ["2026-12-07AM", "2026-12-08PM"], "maxPerWeek": 2, "maxTotal": 4},
          {"id": "bo", "languages": ["fr", "ta"], "lat": 45.74, "lon": 4.86, "maxDistanceKm": 3, "halfDays": ["2026-12-07AM", "2026-12-08PM"], "maxPerWeek": 2, "maxTotal": 2}
         ],
         "slots": [
          {"id": "food-bank", "halfDay": "2026-12-07AM", "lat": 45.75, "lon": 4.85, "languages": ["fr"], "needed": 2, "priority": 1},
          {"id": "tamil-help", "halfDay": "2026-12-08PM", "lat": 45.75, "lon": 4.85, "languages": ["ta"], "needed": 1, "priority": 2}
         ]}
        """;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("reflexes-match-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_folder.FullName, name);

    private string Write(string name, string content)
    {
        File.WriteAllText(PathOf(name), content);
        return PathOf(name);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand();
        CommandRegistry.AddAll(root);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Match_writes_the_optimal_plan_and_the_network_it_solved()
    {
        var instance = Write("instance.json", Instance);

        var (exit, output, error) = await RunAsync("match", "--instance", instance, "--out", PathOf("plan.json"), "--dimacs", PathOf("network.dimacs"));

        exit.ShouldBe(0, error);
        output.ShouldContain("plan.json: 3 assignment(s), covered weight 210");
        using var plan = JsonDocument.Parse(await File.ReadAllTextAsync(PathOf("plan.json")));
        var root = plan.RootElement;
        root.GetProperty("coveredWeight").GetInt64().ShouldBe(210);
        root.GetProperty("filled").GetInt32().ShouldBe(3);
        root.GetProperty("assignments").EnumerateArray().Select(a => a.GetProperty("volunteer").GetString() + "->" + a.GetProperty("slot").GetString())
            .Order().ShouldBe(["ana->food-bank", "bo->food-bank", "bo->tamil-help"]);
        root.GetProperty("seconds").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
        var dimacs = await File.ReadAllLinesAsync(PathOf("network.dimacs"));
        dimacs.ShouldContain(l => l.StartsWith("p min ", StringComparison.Ordinal));
        dimacs.ShouldContain($"c Optimal cost of the plan: {root.GetProperty("network").GetProperty("objective").GetInt64()}");
    }

    [Fact]
    public async Task Re_planning_keeps_confirmed_assignments_and_reports_what_changed()
    {
        var instance = Write("instance.json", Instance);
        await RunAsync("match", "--instance", instance, "--out", PathOf("first.json"));
        var confirmed = Write("confirmed.json", """{"assignments": [{"volunteer": "ana", "slot": "food-bank"}]}""");
        var withoutBo = Write("instance2.json", Instance.Replace("\"maxTotal\": 2}", "\"maxTotal\": 0}", StringComparison.Ordinal));

        var (exit, output, error) = await RunAsync("match", "--instance", withoutBo, "--out", PathOf("second.json"), "--previous", PathOf("first.json"), "--confirmed", confirmed);

        exit.ShouldBe(0, error);
        output.ShouldContain("Re-plan: 1 confirmed kept, 0 of 2 previous proposal(s) kept, 2 changed.");
        using var plan = JsonDocument.Parse(await File.ReadAllTextAsync(PathOf("second.json")));
        var only = plan.RootElement.GetProperty("assignments").EnumerateArray().ShouldHaveSingleItem();
        only.GetProperty("volunteer").GetString().ShouldBe("ana");
        only.GetProperty("confirmed").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_bad_instance_is_refused_with_positions_and_the_previous_plan_is_left_unchanged()
    {
        var bad = Write("instance.json", Instance.Replace("2026-12-08PM\"]", "2026-13-40AM\"]", StringComparison.Ordinal).Replace("\"needed\": 1", "\"needed\": 0", StringComparison.Ordinal));
        var existing = Write("plan.json", "an earlier plan");

        var (exit, output, error) = await RunAsync("match", "--instance", bad, "--out", existing, "--dimacs", PathOf("network.dimacs"));

        exit.ShouldBe(1);
        output.ShouldBeEmpty();
        error.ShouldContain("instance.json: 3 error(s); no plan was written.");
        error.ShouldContain("instance.json: line 2, column 139: volunteers[0] (id \"ana\"), field \"halfDays[1]\": \"2026-13-40AM\" is not a real half-day");
        error.ShouldContain("slots[1] (id \"tamil-help\"), field \"needed\": must be at least 1 person (got 0)");
        (await File.ReadAllTextAsync(existing)).ShouldBe("an earlier plan");
        File.Exists(PathOf("network.dimacs")).ShouldBeFalse();
        _folder.GetFiles().Select(f => f.Name).Order().ShouldBe(["instance.json", "plan.json"]);
    }

    [Fact]
    public async Task A_confirmed_assignment_with_an_unknown_id_is_refused()
    {
        var instance = Write("instance.json", Instance);
        var confirmed = Write("confirmed.json", "{\"assignments\": [\n  {\"volunteer\": \"zoe\", \"slot\": \"food-bank\"}]}");

        var (exit, _, error) = await RunAsync("match", "--instance", instance, "--out", PathOf("plan.json"), "--confirmed", confirmed);

        exit.ShouldBe(1);
        error.ShouldContain("confirmed.json: line 2, column 3: assignments[0]: volunteer \"zoe\" is not in the instance");
        File.Exists(PathOf("plan.json")).ShouldBeFalse();
    }

    [Fact]
    public async Task Missing_files_missing_options_and_overwriting_an_input_fail_clearly()
    {
        var instance = Write("instance.json", Instance);

        var missing = await RunAsync("match", "--instance", PathOf("nowhere.json"), "--out", PathOf("plan.json"));
        var noOut = await RunAsync("match", "--instance", instance);
        var overwrite = await RunAsync("match", "--instance", instance, "--out", instance);

        missing.Exit.ShouldBe(1);
        missing.Error.ShouldContain($"File not found: {PathOf("nowhere.json")}");
        noOut.Exit.ShouldNotBe(0);
        noOut.Error.ShouldContain("--out");
        overwrite.Exit.ShouldBe(1);
        overwrite.Error.ShouldContain("instance.json is an input file");
        (await File.ReadAllTextAsync(instance)).ShouldBe(Instance);
    }
}
