using System.Reflection;

namespace Reflexes.Web.Tests.Platform;

public sealed class ArchitectureTests
{
    private static string Modules => Path.Combine(LocalisationTests.RepositoryRoot(), "src", "Reflexes.Web", "Modules");

    [Fact]
    public void Modules_reach_each_other_only_through_their_contracts()
    {
        var files = ModuleBoundaries.ReadModules(Modules).ToList();

        files.Count.ShouldBeGreaterThan(30);
        ModuleBoundaries.Violations(files).ShouldBeEmpty();
    }

    [Fact]
    public void The_boundary_rule_flags_a_module_that_reaches_into_another()
    {
        var files = new[]
        {
            ("Outreach", "Outreach/Calls.cs", "using Reflexes.Web.Modules.Reserve.Domain;\nusing Reflexes.Web.Modules.Territory.Domain;"),
            ("Outreach", "Outreach/Ok.cs", "using Reflexes.Web.Modules.DataTrust.Contracts;"),
            ("Reserve", "Reserve/Own.cs", "using Reflexes.Web.Modules.Reserve.Matching;"),
        };

        ModuleBoundaries.Violations(files).ShouldBe(["Outreach/Calls.cs: Outreach uses Reflexes.Web.Modules.Reserve.Domain"]);
    }

    [Fact]
    public void Algorithm_libraries_do_not_depend_on_the_web()
    {
        var root = LocalisationTests.RepositoryRoot();
        var libraries = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.EndsWith("Reflexes.Web.csproj", StringComparison.Ordinal) && !p.EndsWith("Reflexes.Cli.csproj", StringComparison.Ordinal))
            .ToList();

        foreach (var project in libraries)
        {
            var text = File.ReadAllText(project);
            text.ShouldNotContain("Microsoft.NET.Sdk.Web", Case.Sensitive, project);
            text.ShouldNotContain("Microsoft.AspNetCore", Case.Sensitive, project);
            text.ShouldNotContain("Reflexes.Web", Case.Sensitive, project);
        }

        typeof(Reflexes.Web.Platform.WebHost).Assembly.GetReferencedAssemblies().ShouldNotContain(a => a.Name == "reflexes");
        Assembly.Load("reflexes").GetReferencedAssemblies().ShouldContain(a => a.Name == "Reflexes.Web");
    }
}
