using System.Text.Json;

namespace Reflexes.Audit.Tests;

/// <summary>Reads the vendored RFC 6962 test vectors of the Go implementation (testdata/merkle-rfc6962).</summary>
internal static class TestVectors
{
    public static string Root { get; } = FindRoot();

    public static IEnumerable<string> Files(string kind) =>
        Directory.EnumerateFiles(Path.Combine(Root, kind), "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f))
            .Order(StringComparer.Ordinal);

    public static JsonElement Read(string relativePath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, relativePath)));
        return document.RootElement.Clone();
    }

    public static byte[] Bytes(JsonElement element) => Convert.FromBase64String(element.GetString() ?? "");

    public static byte[][] Proof(JsonElement vector) =>
        vector.GetProperty("proof").ValueKind == JsonValueKind.Null
            ? []
            : [.. vector.GetProperty("proof").EnumerateArray().Select(Bytes)];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "testdata", "merkle-rfc6962");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("testdata/merkle-rfc6962 was not found above " + AppContext.BaseDirectory);
    }
}
