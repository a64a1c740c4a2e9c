using System.Text.Json;
using Reflexes.Matching.Model;

namespace Reflexes.Matching.Reading;

/// <summary>
/// Reads and validates an instance file. Every problem is reported with its line, column, element and field;
/// an instance with any problem is refused as a whole.
/// </summary>
public static class InstanceReader
{
    private static readonly string[] TopLevel = ["volunteers", "slots"];

    public static MatchingInstance ReadFile(string path) => Read(File.ReadAllBytes(path), Path.GetFileName(path));

    public static MatchingInstance Read(ReadOnlyMemory<byte> utf8, string input)
    {
        var json = new JsonInput(utf8, input);
        var volunteers = new List<Positioned<Volunteer>>();
        var slots = new List<Positioned<Slot>>();
        try
        {
            var reader = JsonInput.Reader(utf8.Span);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                json.Error(reader.TokenStartIndex, "an instance must be a JSON object with \"volunteers\" and \"slots\" arrays");
                json.ThrowIfErrors();
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                var at = reader.TokenStartIndex;
                reader.Read();
                if (!seen.Add(name))
                {
                    json.Error(at, $"field \"{name}\" appears twice");
                    reader.Skip();
                    continue;
                }

                switch (name)
                {
                    case "volunteers":
                        ReadArray(ref reader, json, name, volunteers, ReadVolunteer);
                        break;
                    case "slots":
                        ReadArray(ref reader, json, name, slots, ReadSlot);
                        break;
                    default:
                        json.Error(at, $"unknown field \"{name}\" (an instance has \"volunteers\" and \"slots\")");
                        reader.Skip();
                        break;
                }
            }

            foreach (var required in TopLevel.Where(r => !seen.Contains(r)))
            {
                json.Error(0, $"the instance has no \"{required}\" array");
            }
        }
        catch (JsonException e)
        {
            json.SyntaxError(e);
        }

        // Duplicates among the elements that are otherwise valid.
        CheckUniqueIds(json, volunteers, "volunteers", v => v.Id);
        CheckUniqueIds(json, slots, "slots", s => s.Id);

        json.ThrowIfErrors();
        return new MatchingInstance([.. volunteers.Select(v => v.Value)], [.. slots.Select(s => s.Value)]);
    }

    private delegate T? ElementReader<T>(ref Utf8JsonReader reader, JsonInput.Element element)
        where T : class;

    private static void ReadArray<T>(ref Utf8JsonReader reader, JsonInput json, string name, List<Positioned<T>> into, ElementReader<T> read)
        where T : class
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            json.Error(reader.TokenStartIndex, $"\"{name}\" must be an array, not {JsonInput.Describe(reader.TokenType)}");
            reader.Skip();
            return;
        }

        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var element = new JsonInput.Element(json, $"{name}[{index}]", reader.TokenStartIndex);
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                element.Issue(reader.TokenStartIndex, null, $"must be an object, not {JsonInput.Describe(reader.TokenType)}");
                reader.Skip();
            }
            else
            {
                var value = read(ref reader, element);
                if (value is not null && element.IsValid)
                {
                    into.Add(new Positioned<T>(value, index, element.Start));
                }
            }

            element.Report();
            index++;
        }
    }

    private static Volunteer? ReadVolunteer(ref Utf8JsonReader reader, JsonInput.Element e)
    {
        string? id = null;
        List<string> skills = [], languages = [];
        double? lat = null, lon = null, maxKm = null;
        int? perWeek = null, total = null;
        List<HalfDay>? halfDays = null;
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
                case "id": e.Id = id = e.String(ref reader, field); break;
                case "skills": skills = e.Strings(ref reader, field); break;
                case "languages": languages = e.Strings(ref reader, field); break;
                case "lat": lat = e.Number(ref reader, field, -90, 90); break;
                case "lon": lon = e.Number(ref reader, field, -180, 180); break;
                case "maxDistanceKm": maxKm = e.Number(ref reader, field, 0, 20_100); break;
                case "halfDays": halfDays = HalfDays(ref reader, e, field); break;
                case "maxPerWeek": perWeek = e.Integer(ref reader, field, 0, 14, "must be between 0 and 14 half-days per week"); break;
                case "maxTotal": total = e.Integer(ref reader, field, 0, 1_000_000, "must be 0 or more"); break;
                default:
                    e.Issue(at, field, "is not a volunteer field (expected id, skills, languages, lat, lon, maxDistanceKm, halfDays, maxPerWeek, maxTotal)");
                    reader.Skip();
                    break;
            }
        }

        e.Require("id", "lat", "lon", "maxDistanceKm", "halfDays", "maxPerWeek", "maxTotal");
        return id is null || lat is null || lon is null || maxKm is null || halfDays is null || perWeek is null || total is null
            ? null
            : new Volunteer(id, skills, languages, lat.Value, lon.Value, maxKm.Value, halfDays, perWeek.Value, total.Value);
    }

    private static Slot? ReadSlot(ref Utf8JsonReader reader, JsonInput.Element e)
    {
        string? id = null;
        List<string> skills = [], languages = [];
        double? lat = null, lon = null;
        int? needed = null, priority = null;
        HalfDay? halfDay = null;
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
                case "id": e.Id = id = e.String(ref reader, field); break;
                case "skills": skills = e.Strings(ref reader, field); break;
                case "languages": languages = e.Strings(ref reader, field); break;
                case "lat": lat = e.Number(ref reader, field, -90, 90); break;
                case "lon": lon = e.Number(ref reader, field, -180, 180); break;
                case "halfDay": halfDay = OneHalfDay(ref reader, e, field); break;
                case "needed": needed = e.Integer(ref reader, field, 1, 100_000, "must be at least 1 person"); break;
                case "priority": priority = e.Integer(ref reader, field, Priorities.Essential, Priorities.Normal, "must be 1 (essential), 2 (important) or 3 (normal)"); break;
                default:
                    e.Issue(at, field, "is not a slot field (expected id, halfDay, lat, lon, skills, languages, needed, priority)");
                    reader.Skip();
                    break;
            }
        }

        e.Require("id", "halfDay", "lat", "lon", "needed", "priority");
        return id is null || lat is null || lon is null || halfDay is null || needed is null || priority is null
            ? null
            : new Slot(id, halfDay.Value, lat.Value, lon.Value, skills, languages, needed.Value, priority.Value);
    }

    private static HalfDay? OneHalfDay(ref Utf8JsonReader reader, JsonInput.Element e, string field)
    {
        var at = reader.TokenStartIndex;
        var text = e.String(ref reader, field);
        if (text is null)
        {
            return null;
        }

        if (!HalfDay.TryParse(text, out var halfDay))
        {
            e.Issue(at, field, $"\"{text}\" is not a real half-day (expected a calendar date followed by AM or PM, like 2026-12-07AM)");
            return null;
        }

        return halfDay;
    }

    private static List<HalfDay>? HalfDays(ref Utf8JsonReader reader, JsonInput.Element e, string field)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            e.Issue(reader.TokenStartIndex, field, $"must be an array of half-days, not {JsonInput.Describe(reader.TokenType)}");
            reader.Skip();
            return null;
        }

        var values = new List<HalfDay>();
        var seen = new HashSet<HalfDay>();
        var i = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var at = reader.TokenStartIndex;
            var name = $"{field}[{i}]";
            var halfDay = OneHalfDay(ref reader, e, name);
            if (halfDay is { } h)
            {
                if (seen.Add(h))
                {
                    values.Add(h);
                }
                else
                {
                    e.Issue(at, name, $"{h} is listed twice");
                }
            }

            i++;
        }

        return values;
    }

    private static void CheckUniqueIds<T>(JsonInput json, List<Positioned<T>> items, string name, Func<T, string> id)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!first.TryAdd(id(item.Value), item.Index))
            {
                json.Error(item.Start, $"{name}[{item.Index}], field \"id\": \"{id(item.Value)}\" is already the id of {name}[{first[id(item.Value)]}]");
            }
        }
    }

    private sealed record Positioned<T>(T Value, int Index, long Start);
}
