using System.Globalization;
using System.Text.Json;
using Reflexes.Audit;

namespace Reflexes.Cli.Audit;

/// <summary>
/// Reads a copy of /api/audit/tree-heads kept outside the platform (by the data board, the DPO, a
/// citizen). Each head needs origin, treeSize, rootHash, timestamp and signature; errors name the file and where.
/// </summary>
internal static class KeptTreeHeadsFile
{
    public static (IReadOnlyList<SignedTreeHead> Heads, string? Error) Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ([], e is FileNotFoundException or DirectoryNotFoundException ? $"File not found: {path}" : $"{path}: {e.Message}");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            return ([], string.Create(CultureInfo.InvariantCulture,
                $"{path}: line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}: not valid JSON."));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("treeHeads", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return ([], $"{path}: expected an object with a \"treeHeads\" array, as served by /api/audit/tree-heads.");
            }

            var heads = new List<SignedTreeHead>();
            var number = 0;
            foreach (var item in list.EnumerateArray())
            {
                number++;
                try
                {
                    heads.Add(new SignedTreeHead(
                        new TreeHead(
                            item.GetProperty("origin").GetString() ?? "",
                            item.GetProperty("treeSize").GetInt64(),
                            item.GetProperty("rootHash").GetBytesFromBase64(),
                            DateTimeOffset.FromUnixTimeMilliseconds(item.GetProperty("timestamp").GetInt64())),
                        item.GetProperty("signature").GetBytesFromBase64()));
                }
                catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
                {
                    return ([], string.Create(CultureInfo.InvariantCulture,
                        $"{path}: tree head #{number} is incomplete or malformed (it needs origin, treeSize, rootHash, timestamp and signature): {e.Message}"));
                }
            }

            return (heads, null);
        }
    }
}
