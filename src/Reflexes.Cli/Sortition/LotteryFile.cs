using System.Text.Json;
using Reflexes.Sortition;
using Reflexes.Sortition.Lottery;

namespace Reflexes.Cli.Sortition;

/// <summary>lottery.json: N numbered tickets, each naming a panel, plus the pool (for replacements) and the stated bound.</summary>
internal static class LotteryFile
{
    public const string Format = "reflexes-sortition-lottery/1";

    public static void Write(Stream stream, UniformLottery lottery, Pool pool, bool households, int k, string algorithm)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteString("algorithm", algorithm);
        json.WriteNumber("k", k);
        json.WriteNumber("tickets", lottery.TicketCount);
        json.WriteString("draw", "docs/sortition-draw.md: ticket = (first 8 bytes of SHA-256(seed), big-endian) mod tickets + 1, re-hashing on values above the largest multiple of tickets");
        json.WriteStartObject("bound");
        json.WriteNumber("maxDeviation", lottery.MaxDeviation);
        json.WriteNumber("maxGuaranteedBound", lottery.MaxBound);
        json.WriteString("statement", "every panel keeps floor(N*p) or ceil(N*p) tickets, so each person's probability moves by less than (their panels with fractional N*p)/N; maxDeviation is the largest change actually made");
        json.WriteEndObject();
        json.WriteStartArray("panels");
        foreach (var ticket in lottery.Tickets)
        {
            json.WriteStartObject();
            json.WriteNumber("first", ticket.First);
            json.WriteNumber("last", ticket.Last);
            ResultFile.WriteMembers(json, "members", pool, ticket.Members);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("probabilities");
        for (var i = 0; i < pool.People.Count; i++)
        {
            json.WriteStartObject();
            ResultFile.WriteId(json, "id", pool, i);
            json.WriteNumber("optimum", lottery.Optimum[i]);
            json.WriteNumber("lottery", lottery.Probabilities[i]);
            json.WriteNumber("bound", lottery.Bounds[i]);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        ResultFile.WritePool(json, pool, households);
        json.WriteEndObject();
    }

    public static (Pool Pool, bool Households, int Tickets, List<LotteryTicket> Panels) Read(JsonElement root)
    {
        var format = ResultFile.Property(root, "format", "$").GetString();
        if (format != Format)
        {
            throw new FormatException($"$.format: expected \"{Format}\", found \"{format}\".");
        }

        var (pool, households) = ResultFile.ReadPool(ResultFile.Property(root, "pool", "$"));
        var tickets = ResultFile.Property(root, "tickets", "$").GetInt32();
        var index = ResultFile.Index(pool);
        var panels = new List<LotteryTicket>();
        var p = 0;
        foreach (var panel in ResultFile.Property(root, "panels", "$").EnumerateArray())
        {
            var path = $"$.panels[{p++}]";
            panels.Add(new LotteryTicket(
                ResultFile.Property(panel, "first", path).GetInt32(),
                ResultFile.Property(panel, "last", path).GetInt32(),
                ResultFile.Members(ResultFile.Property(panel, "members", path), index, path + ".members")));
        }

        var expected = 1;
        foreach (var panel in panels)
        {
            if (panel.First != expected || panel.Last < panel.First)
            {
                throw new FormatException($"$.panels: tickets must run from 1 to {tickets} without gaps (problem at ticket {expected}).");
            }

            expected = panel.Last + 1;
        }

        if (expected != tickets + 1)
        {
            throw new FormatException($"$.panels: the panels hold {expected - 1} tickets, not {tickets}.");
        }

        return (pool, households, tickets, panels);
    }
}
