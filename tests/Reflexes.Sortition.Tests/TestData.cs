namespace Reflexes.Sortition.Tests;

internal static class TestData
{
    /// <summary>The repository's testdata/sortition folder, found by walking up from the test binaries.</summary>
    public static string Folder { get; } = Find();

    public static string Replication(string instance, string file) =>
        Path.Combine(Folder, "citizensassemblies-replication", "data", instance, file);

    public static string Foundation(string file) => Path.Combine(Folder, "sortition-algorithms-fixtures", file);

    public static string WriteTemp(string name, string content)
    {
        var folder = Directory.CreateTempSubdirectory("reflexes-sortition-").FullName;
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "testdata", "sortition");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("testdata/sortition not found above " + AppContext.BaseDirectory);
    }
}
