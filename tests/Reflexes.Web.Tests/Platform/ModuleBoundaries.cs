using System.Text.RegularExpressions;

namespace Reflexes.Web.Tests.Platform;

/// <summary>
/// The modular-monolith rule, read from the source: a module's code names another module's
/// namespaces only through that module's public surface (its <c>Contracts</c> namespace).
/// Access and Territory form the shared core every module may use.
/// </summary>
internal static partial class ModuleBoundaries
{
    public static readonly IReadOnlySet<string> Core = new HashSet<string> { "Access", "Territory", "Home", "Shared" };

    public static IReadOnlyList<string> Violations(IEnumerable<(string Module, string File, string Source)> files) =>
        files.SelectMany(f => Reference().Matches(f.Source)
                .Select(m => (Target: m.Groups[1].Value, Suffix: m.Groups[2].Value))
                .Where(r => r.Target != f.Module && !Core.Contains(r.Target) && !r.Suffix.StartsWith(".Contracts", StringComparison.Ordinal))
                .Select(r => $"{f.File}: {f.Module} uses Reflexes.Web.Modules.{r.Target}{r.Suffix}"))
            .Distinct()
            .ToList();

    public static IEnumerable<(string Module, string File, string Source)> ReadModules(string modulesFolder) =>
        Directory.EnumerateDirectories(modulesFolder).SelectMany(moduleFolder =>
            Directory.EnumerateFiles(moduleFolder, "*.cs*", SearchOption.AllDirectories)
                .Select(f => (Path.GetFileName(moduleFolder), Path.GetRelativePath(modulesFolder, f), File.ReadAllText(f))));

    [GeneratedRegex(@"Reflexes\.Web\.Modules\.([A-Za-z]+)((?:\.[A-Za-z]+)*)")]
    private static partial Regex Reference();
}
