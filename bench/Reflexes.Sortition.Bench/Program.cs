using System.Diagnostics;
using System.Globalization;
using Reflexes.Sortition;
using Reflexes.Sortition.Bench;
using Reflexes.Sortition.Input;

// Prints, per instance: n, k, categories, legacy vs leximin minimum probability and Gini, leximin seconds,
// and the figures published with Flanigan et al. (Nature 2021) where they exist.
// Usage: dotnet run -c Release --project bench/Reflexes.Sortition.Bench [-- --quick] [--draws N] [--only NAME] [--budget SECONDS] [--export DIR] [--leximin-only]
// --leximin-only prints leximin's minimum, seconds and where the time went (exploration, relaxed leximin, master LP, pricing, expansion), skipping legacy, maximin and the reference.
// --export writes each instance as categories.csv + respondents.csv, for bench/check_maximin.py (SciPy/HiGHS).
var quick = args.Contains("--quick");
var draws = ArgValue("--draws") is { } d ? int.Parse(d, CultureInfo.InvariantCulture) : 10_000;
var export = ArgValue("--export");
var only = ArgValue("--only");
var leximinOnly = args.Contains("--leximin-only");
var budget = TimeSpan.FromSeconds(ArgValue("--budget") is { } b ? double.Parse(b, CultureInfo.InvariantCulture) : 120);
var data = FindTestData();
var published = File.ReadAllLines(Path.Combine(data, "nature2021_instance_table.csv"))
    .Skip(1)
    .Select(line => line.Split(','))
    .ToDictionary(f => f[0], f => f);

var instances = new List<(string Name, Func<(Pool Pool, int K, bool Households)> Load, string? Published)>
{
    ("example_small_20", () => Replication("example_small_20", 20), "example_small"),
    ("example_large_200", () => Replication("example_large_200", 200), "example_large"),
    ("sf_fixture_22", () => (SortitionFoundationFormat.Read(Path.Combine(data, "sortition-algorithms-fixtures", "features.csv"), Path.Combine(data, "sortition-algorithms-fixtures", "candidates.csv")), 22, true), null),
};
var generated = quick
    ? new[] { (200, 20, 5), (500, 50, 6), (1000, 100, 7) }
    : [(200, 20, 5), (500, 50, 6), (1000, 100, 7), (1000, 100, 8), (2000, 200, 5), (2000, 200, 6), (2000, 200, 7), (2000, 200, 8)];
foreach (var (n, k, c) in generated)
{
    instances.Add(($"generated_n{n}_k{k}_c{c}", () =>
    {
        var (pool, kk) = PoolGenerator.Generate(n, k, c, seed: (n * 31) + (k * 7) + c);
        return (pool, kk, false);
    }, null));
}

Console.WriteLine("instance                    |    n |   k | cat | types | legacy min | pub. legacy | leximin min | pub. lexi min | legacy gini | leximin gini | pub. gini L/X | leximin geo | maximin = ref | seconds | pub. seconds");
Console.WriteLine(new string('-', 200));
foreach (var (name, load, publishedName) in instances)
{
    if (only is not null && !name.Contains(only, StringComparison.Ordinal))
    {
        continue;
    }

    var (pool, k, households) = load();
    if (export is not null)
    {
        PoolExport.Write(Path.Combine(export, name), pool);
    }

    var watch = Stopwatch.StartNew();
    SelectionResult leximin;
    using (var timeout = new CancellationTokenSource(budget))
    {
        try
        {
            leximin = SortitionEngine.Select(pool, k, households, SelectionAlgorithm.Leximin, cancellationToken: timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-27} | {pool.People.Count,4} | {k,3} | {pool.Categories.Count,3} | leximin not finished within the {budget.TotalSeconds:F0} s budget"));
            continue;
        }
    }

    var seconds = watch.Elapsed.TotalSeconds;
    Console.Error.WriteLine($"  {name}: leximin {seconds:F2} s");
    if (leximinOnly)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-27} | {pool.People.Count,4} | {k,3} | {pool.Categories.Count,3} | leximin min {leximin.MinProbability:P2} | {seconds:F2} s | {leximin.Details}"));
        continue;
    }

    var legacy = SortitionEngine.Select(pool, k, households, SelectionAlgorithm.Legacy, new SelectionOptions { LegacyDraws = draws });
    Console.Error.WriteLine($"  {name}: legacy done at {watch.Elapsed.TotalSeconds:F2} s");
    var maximin = SortitionEngine.Select(pool, k, households, SelectionAlgorithm.Maximin);
    Console.Error.WriteLine($"  {name}: maximin done at {watch.Elapsed.TotalSeconds:F2} s");
    // The in-process reference (its own master program and pricing, the value proven by weak duality, ADR 0209)
    // starts from the engine's panels and gets the same budget; past it the column says so. bench/check_maximin.py
    // repeats the check with HiGHS (README).
    double? reference;
    using (var referenceTimeout = new CancellationTokenSource(budget))
    {
        try
        {
            reference = MaximinReference.Value(pool, k, households, maximin.Panels.Concat(leximin.Panels).Select(p => p.Members), referenceTimeout.Token);
        }
        catch (OperationCanceledException)
        {
            reference = null;
        }
    }

    Console.Error.WriteLine($"  {name}: reference done at {watch.Elapsed.TotalSeconds:F2} s");
    var selectable = Enumerable.Range(0, pool.People.Count).Where(i => leximin.NeverSelectable.All(x => x.Person != i)).ToList();
    var maximinValue = selectable.Min(i => maximin.Probabilities[i]);
    var agrees = reference is not { } value ? "ref > budget" : Math.Abs(maximinValue - value) <= 1e-6 ? "yes" : $"NO {value:P3}";
    var types = leximin.Details.Split(' ')[0];
    string[]? row = publishedName is null ? null : published[publishedName];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-27} | {pool.People.Count,4} | {k,3} | {pool.Categories.Count,3} | {types,5} | {legacy.MinProbability,10:P2} | {(row is null ? "-" : double.Parse(row[6], CultureInfo.InvariantCulture).ToString("P2", CultureInfo.InvariantCulture)),11} | {leximin.MinProbability,11:P2} | {row?[7] ?? "-",13} | {legacy.Gini,11:P1} | {leximin.Gini,12:P1} | {(row is null ? "-" : row[8] + " / " + row[9]),13} | {leximin.GeometricMean,11:P2} | {agrees,13} | {seconds,7:F2} | {row?[13] ?? "-",12}"));
    Console.Error.WriteLine($"  {name}: {leximin.Details}; {leximin.Panels.Count} panels; {leximin.NeverSelectable.Count} never selectable; legacy: {legacy.Details}");
}

string? ArgValue(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

(Pool, int, bool) Replication(string instance, int k) =>
    (ReplicationFormat.Read(Path.Combine(data, "citizensassemblies-replication", "data", instance, "categories.csv"), Path.Combine(data, "citizensassemblies-replication", "data", instance, "respondents.csv")), k, false);

static string FindTestData()
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
