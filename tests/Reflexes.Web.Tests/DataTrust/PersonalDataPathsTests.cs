using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.DataTrust.Domain;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Tests.Platform;

namespace Reflexes.Web.Tests.DataTrust;

/// <summary>
/// Enumerates the modules' data paths to residents' personal data and fails if one does not go through
/// the access service. At run time the materialisation guard refuses such reads (see RegistryTests);
/// this test finds them in the source before they run.
/// </summary>
public sealed class PersonalDataPathsTests
{
    /// <summary>The data trust's own records about a person: they are the mechanism, read by the trust itself.</summary>
    private static readonly Type[] TrustRecords = [typeof(ConsentRecord), typeof(RightsRequest)];

    [Fact]
    public void Every_entity_about_a_person_is_marked_as_resident_data_or_is_the_trusts_own_record()
    {
        using var db = Model();
        var aboutAPerson = db.Model.GetEntityTypes()
            .Where(e => e.ClrType.GetProperty("SubjectId", BindingFlags.Public | BindingFlags.Instance)?.PropertyType == typeof(Guid))
            .Select(e => e.ClrType).ToList();

        aboutAPerson.ShouldNotBeEmpty();
        aboutAPerson.Where(t => !typeof(IResidentData).IsAssignableFrom(t) && !TrustRecords.Contains(t)).ShouldBeEmpty();
    }

    [Fact]
    public void Every_module_file_that_queries_resident_data_goes_through_the_access_service()
    {
        using var db = Model();
        var residentSets = ResidentDataSets(db);
        residentSets.ShouldNotBeEmpty();
        var files = Directory.EnumerateFiles(Path.Combine(LocalisationTests.RepositoryRoot(), "src", "Reflexes.Web", "Modules"), "*.cs*", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(LocalisationTests.RepositoryRoot(), f), File.ReadAllText(f)));

        Unguarded(residentSets, files).ShouldBeEmpty();
    }

    [Fact]
    public void The_path_rule_flags_a_file_that_reads_resident_data_directly()
    {
        var sets = new[] { ("Registrants", "Registrant") };
        var files = new[]
        {
            ("Outreach/Calls/NextCall.cs", "var r = await db.Registrants.FirstAsync(x => x.Id == id);"),
            ("Outreach/Calls/Export.cs", "foreach (var r in db.Set<Registrant>()) { }"),
            ("Outreach/Registry/RegistryDesk.cs", "await access.FilterAsync(ids, ...); db.Registrants.Where(...); // PersonalDataAccess"),
            ("Outreach/Registrants/Page.cshtml", "@model Reflexes.Web.Modules.Outreach.Registrants.PageModel\n@using Reflexes.Web.Modules.Outreach.Registrants"),
            ("Outreach/Registrants/Page.cshtml.cs", "namespace Reflexes.Web.Modules.Outreach.Registrants;\nusing Reflexes.Web.Modules.Outreach.Registrants;\nvar r = db.Registrants.Count();"),
        };

        Unguarded(sets, files).ShouldBe(["Outreach/Calls/NextCall.cs reads Registrant", "Outreach/Calls/Export.cs reads Registrant", "Outreach/Registrants/Page.cshtml.cs reads Registrant"]);
    }

    private static List<(string DbSet, string Entity)> ResidentDataSets(ReflexesDbContext db) =>
        [.. typeof(ReflexesDbContext).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>)
                && typeof(IResidentData).IsAssignableFrom(p.PropertyType.GetGenericArguments()[0]))
            .Select(p => (p.Name, p.PropertyType.GetGenericArguments()[0].Name))
            .Concat(db.Model.GetEntityTypes().Where(e => typeof(IResidentData).IsAssignableFrom(e.ClrType)).Select(e => (e.ClrType.Name + "s", e.ClrType.Name)))
            .Distinct()];

    private static List<string> Unguarded(IEnumerable<(string DbSet, string Entity)> sets, IEnumerable<(string File, string Source)> files) =>
        [.. from f in files
            from s in sets
            let code = WithoutDeclarations(f.Source)
            where (code.Contains("." + s.DbSet, StringComparison.Ordinal) || code.Contains("Set<" + s.Entity + ">", StringComparison.Ordinal))
                && !f.Source.Contains("PersonalDataAccess", StringComparison.Ordinal)
            select $"{f.File} reads {s.Entity}"];

    /// <summary>The source without namespace, using and @model lines: a folder named like a table (Reserve/Volunteers) is no read.</summary>
    private static string WithoutDeclarations(string source) =>
        string.Join('\n', source.Split('\n').Where(line => !Declarations.Any(d => line.TrimStart().StartsWith(d, StringComparison.Ordinal))));

    private static readonly string[] Declarations = ["namespace ", "using ", "@namespace ", "@using ", "@model ", "@inherits "];

    private static ReflexesDbContext Model() =>
        new(new DbContextOptionsBuilder<ReflexesDbContext>().UseSqlite("Data Source=:memory:").Options);
}
