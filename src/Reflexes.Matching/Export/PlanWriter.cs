using System.Text.Json;
using Reflexes.Matching.Planning;

namespace Reflexes.Matching.Export;

/// <summary>Writes a plan as JSON: assignments, totals, explanations of unfilled places, re-plan and network summaries.</summary>
public static class PlanWriter
{
    public static void Write(Plan plan, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartArray("assignments");
        foreach (var a in plan.Assignments)
        {
            json.WriteStartObject();
            json.WriteString("volunteer", a.Volunteer);
            json.WriteString("slot", a.Slot);
            json.WriteNumber("distanceMeters", a.DistanceMeters);
            if (a.Confirmed)
            {
                json.WriteBoolean("confirmed", true);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("coveredWeight", plan.CoveredWeight);
        json.WriteNumber("filled", plan.Filled);
        json.WriteNumber("distanceMeters", plan.DistanceMeters);
        json.WriteNumber("seconds", Math.Round(plan.Seconds, 3));
        json.WriteStartArray("unfilled");
        foreach (var u in plan.Unfilled)
        {
            json.WriteStartObject();
            json.WriteString("slot", u.Slot);
            json.WriteNumber("places", u.Places);
            json.WriteString("reason", ReasonCode(u.Reason));
            json.WriteString("explanation", u.Explanation);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (plan.Replan is { } replan)
        {
            json.WriteStartObject("replan");
            json.WriteNumber("confirmed", replan.Confirmed);
            json.WriteNumber("previousProposals", replan.PreviousProposals);
            json.WriteNumber("kept", replan.Kept);
            json.WriteNumber("changed", replan.Changed);
            json.WriteEndObject();
        }

        json.WriteStartObject("network");
        json.WriteNumber("nodes", plan.Network.Nodes);
        json.WriteNumber("arcs", plan.Network.Arcs);
        json.WriteNumber("weightMultiplier", plan.Network.WeightMultiplier);
        json.WriteNumber("distanceMultiplier", plan.Network.DistanceMultiplier);
        json.WriteNumber("objective", plan.Network.Objective);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static string ReasonCode(UnfilledReason reason) => reason switch
    {
        UnfilledReason.NoOneAvailable => "no-one-available",
        UnfilledReason.Skills => "skills",
        UnfilledReason.Languages => "languages",
        UnfilledReason.Distance => "distance",
        UnfilledReason.Caps => "caps",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
