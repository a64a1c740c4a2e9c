using System.Text.Json;
using Reflexes.Matching.Model;

namespace Reflexes.Matching.Bench;

/// <summary>Writes an instance in the file format <c>reflexes match</c> reads.</summary>
internal static class InstanceWriter
{
    public static void Write(MatchingInstance instance, string path)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteStartArray("volunteers");
        foreach (var v in instance.Volunteers)
        {
            json.WriteStartObject();
            json.WriteString("id", v.Id);
            Strings(json, "skills", v.Skills);
            Strings(json, "languages", v.Languages);
            json.WriteNumber("lat", Math.Round(v.Lat, 6));
            json.WriteNumber("lon", Math.Round(v.Lon, 6));
            json.WriteNumber("maxDistanceKm", v.MaxDistanceKm);
            Strings(json, "halfDays", [.. v.HalfDays.Select(h => h.ToString())]);
            json.WriteNumber("maxPerWeek", v.MaxPerWeek);
            json.WriteNumber("maxTotal", v.MaxTotal);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("slots");
        foreach (var s in instance.Slots)
        {
            json.WriteStartObject();
            json.WriteString("id", s.Id);
            json.WriteString("halfDay", s.HalfDay.ToString());
            json.WriteNumber("lat", Math.Round(s.Lat, 6));
            json.WriteNumber("lon", Math.Round(s.Lon, 6));
            Strings(json, "skills", s.Skills);
            Strings(json, "languages", s.Languages);
            json.WriteNumber("needed", s.Needed);
            json.WriteNumber("priority", s.Priority);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
