using System.Text.Json;
using Reflexes.Matching.Model;

namespace Reflexes.Matching.Reading;

/// <summary>
/// Reads the <c>assignments</c> array of a plan file or of a list of confirmed assignments
/// (<c>{"assignments": [{"volunteer": "...", "slot": "..."}]}</c>); other fields of a plan are ignored.
/// </summary>
public static class AssignmentListReader
{
    private static readonly HashSet<string> PlanFields = new(StringComparer.Ordinal) { "distanceMeters", "confirmed", "kept" };

    public static IReadOnlyList<ListedPair> ReadFile(string path) => Read(File.ReadAllBytes(path), Path.GetFileName(path));

    public static IReadOnlyList<ListedPair> Read(ReadOnlyMemory<byte> utf8, string input)
    {
        var json = new JsonInput(utf8, input);
        var pairs = new List<ListedPair>();
        try
        {
            var reader = JsonInput.Reader(utf8.Span);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                json.Error(reader.TokenStartIndex, "expected a JSON object with an \"assignments\" array");
                json.ThrowIfErrors();
            }

            var found = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                if (name != "assignments" || found)
                {
                    reader.Skip();
                    continue;
                }

                found = true;
                ReadAssignments(ref reader, json, pairs);
            }

            if (!found)
            {
                json.Error(0, "the file has no \"assignments\" array");
            }
        }
        catch (JsonException e)
        {
            json.SyntaxError(e);
        }

        // Duplicates among the elements that are otherwise valid.
        var first = new Dictionary<Pair, int>();
        foreach (var p in pairs.Where(p => !first.TryAdd(p.Pair, p.Index)))
        {
            json.ErrorAt(p.Line, p.Column, $"assignments[{p.Index}]: volunteer \"{p.Pair.Volunteer}\" in slot \"{p.Pair.Slot}\" is already listed as assignments[{first[p.Pair]}]");
        }

        json.ThrowIfErrors();
        return pairs;
    }

    private static void ReadAssignments(ref Utf8JsonReader reader, JsonInput json, List<ListedPair> pairs)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            json.Error(reader.TokenStartIndex, $"\"assignments\" must be an array, not {JsonInput.Describe(reader.TokenType)}");
            reader.Skip();
            return;
        }

        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var e = new JsonInput.Element(json, $"assignments[{index}]", reader.TokenStartIndex);
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                e.Issue(reader.TokenStartIndex, null, $"must be an object with \"volunteer\" and \"slot\", not {JsonInput.Describe(reader.TokenType)}");
                reader.Skip();
            }
            else
            {
                string? volunteer = null, slot = null;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var field = reader.GetString()!;
                    var at = reader.TokenStartIndex;
                    reader.Read();
                    if (!e.FirstTime(field, at))
                    {
                        reader.Skip();
                        continue;
                    }

                    switch (field)
                    {
                        case "volunteer": volunteer = e.String(ref reader, field); break;
                        case "slot": slot = e.String(ref reader, field); break;
                        default:
                            if (!PlanFields.Contains(field))
                            {
                                e.Issue(at, field, "is not an assignment field (expected volunteer and slot)");
                            }

                            reader.Skip();
                            break;
                    }
                }

                e.Require("volunteer", "slot");
                if (volunteer is not null && slot is not null && e.IsValid)
                {
                    var (line, column) = json.Position(e.Start);
                    pairs.Add(new ListedPair(new Pair(volunteer, slot), index, line, column));
                }
            }

            e.Report();
            index++;
        }
    }
}
