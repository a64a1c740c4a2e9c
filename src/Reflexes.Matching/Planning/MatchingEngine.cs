using System.Diagnostics;
using System.Globalization;
using Reflexes.Matching.Flow;
using Reflexes.Matching.Model;
using Reflexes.Matching.Reading;

namespace Reflexes.Matching.Planning;

/// <summary>
/// Computes an exactly optimal plan. Coverage first: the places that can be filled together form a matroid
/// (a gammoid of the network), so filling essential places to the maximum, then important ones, then normal
/// ones by augmenting paths gives the maximum weighted coverage, and every optimal plan fills the same number
/// of places of each priority. Then, with those numbers fixed, a minimum-cost circulation (cost scaling)
/// minimises the distance and, when re-planning, maximises the previous proposals kept.
/// </summary>
public static class MatchingEngine
{

    public static MatchResult Solve(MatchingInstance instance, MatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new MatchOptions();
        var started = options.TimeProvider.GetTimestamp();
        var eligibility = new Eligibility(instance);
        var volunteerIndex = Index(instance.Volunteers.Select(v => v.Id));
        var slotIndex = Index(instance.Slots.Select(s => s.Id));
        var confirmed = ConfirmedChecks.Resolve(instance, eligibility, volunteerIndex, slotIndex, options.Confirmed, options.ConfirmedInput);
        var confirmedSet = confirmed.Select(c => MatchingNetwork.PairKey(c.Volunteer, c.Slot, instance.Slots.Count)).ToHashSet();
        var previousProposals = options.Previous.Distinct().Where(p =>
            !volunteerIndex.TryGetValue(p.Volunteer, out var v) || !slotIndex.TryGetValue(p.Slot, out var s)
            || !confirmedSet.Contains(MatchingNetwork.PairKey(v, s, instance.Slots.Count))).ToList();
        var previous = previousProposals
            .Where(p => volunteerIndex.ContainsKey(p.Volunteer) && slotIndex.ContainsKey(p.Slot))
            .Select(p => MatchingNetwork.PairKey(volunteerIndex[p.Volunteer], slotIndex[p.Slot], instance.Slots.Count))
            .ToHashSet();

        var phases = new List<PhaseTiming>();
        var clock = new PhaseClock();
        var network = MatchingNetwork.Build(instance, eligibility, confirmed, previous, options.CoreArcsPerHalfDay);
        phases.Add(clock.Lap("build", $"{network.Graph.NodeCount:N0} nodes, {network.Graph.ArcCount:N0} arcs"));
        var graph = network.Graph;
        if (network.MaxArcCost > CostScaling.MaxCost(graph.NodeCount))
        {
            throw new InvalidOperationException($"The instance is too large to be planned exactly: costs up to {network.MaxArcCost} on {graph.NodeCount} nodes.");
        }

        // Level 1: maximum coverage, priority class by priority class (augmenting never empties a filled place).
        clock.Restart();
        for (var p = 0; p < 3; p++)
        {
            graph.SetCapacity(network.ClassArcs[p], (int)Math.Min(int.MaxValue, network.ClassPlaces[p]));
            GreedyStart.Fill(network);
            MaxFlow.Augment(graph, MatchingNetwork.Source, MatchingNetwork.Sink, cancellationToken);
        }

        for (var p = 0; p < 3; p++)
        {
            graph.SetCapacity(network.ClassArcs[p], graph.Flow(network.ClassArcs[p]));
        }

        phases.Add(clock.Lap("coverage"));

        // Levels 2 and 3: the cheapest flow with these numbers of places filled per priority.
        clock.Restart();
        var slots = (MatchingNetwork.FirstSlotNode, MatchingNetwork.FirstSlotNode + instance.Slots.Count);
        if (options.CoreArcsPerHalfDay > 0)
        {
            var core = CoreArcs.Select(network, options.CoreArcsPerHalfDay);
            var solver = CostScaling.Minimise(graph, core.End, core, slots, network.UnitArcsFrom(), cancellationToken);
            phases.Add(clock.Lap("cost scaling", $"{solver.Relabels:N0} relabels, {solver.Pushes:N0} pushes, {solver.GlobalUpdates:N0} global updates, {core.Scans} pricing scans, {core.Activated:N0} arcs priced in, {solver.PricedIn} resumed phases"));
        }
        else
        {
            var solver = CostScaling.Minimise(graph, null, null, slots, network.UnitArcsFrom(), cancellationToken);
            phases.Add(clock.Lap("cost scaling", $"{solver.Relabels:N0} relabels, {solver.Pushes:N0} pushes, {solver.GlobalUpdates:N0} global updates"));
        }

        clock.Restart();
        var plan = Extract(network, confirmed, previous, previousProposals.Count, options.TimeProvider.GetElapsedTime(started).TotalSeconds);
        phases.Add(clock.Lap("extract"));
        return new MatchResult(plan, network, phases);
    }

    private static Dictionary<string, int> Index(IEnumerable<string> ids)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            index.Add(id, index.Count);
        }

        return index;
    }

    private static Plan Extract(MatchingNetwork network, List<(int Volunteer, int Slot)> confirmed, HashSet<long> previous, int previousCount, double seconds)
    {
        var instance = network.Instance;
        var g = network.Graph;
        var assignments = new List<PlannedAssignment>();
        var filled = new int[instance.Slots.Count];
        var secondary = 0L;
        var kept = 0;
        foreach (var (v, s) in confirmed)
        {
            assignments.Add(Assignment(instance, v, s, confirmed: true));
            filled[s]++;
        }

        for (var v = 0; v < instance.Volunteers.Count; v++)
        {
            for (var node = network.HalfDayStart[v]; node >= 0 && node < network.HalfDayEnd[v]; node++)
            {
                // A node's first residual arc is the reverse of the arc that feeds it: it carries the node's flow.
                if (g.Arcs[g.First[node]].Residual == 0)
                {
                    continue;
                }

                for (var a = g.First[node]; a < g.First[node + 1]; a++)
                {
                    var head = g.Arcs[a].Head;
                    if (network.IsSlotNode(head) && g.Arcs[g.Reverse[a]].Residual > 0)
                    {
                        var s = network.SlotOf(head);
                        assignments.Add(Assignment(instance, v, s, confirmed: false));
                        filled[s]++;
                        secondary += g.Arcs[a].Cost;
                        if (previous.Contains(MatchingNetwork.PairKey(v, s, instance.Slots.Count)))
                        {
                            kept++;
                        }
                    }
                }
            }
        }

        var coveredWeight = 0L;
        var openWeight = 0L;
        for (var s = 0; s < instance.Slots.Count; s++)
        {
            coveredWeight += (long)filled[s] * instance.Slots[s].Weight;
        }

        for (var p = 0; p < 3; p++)
        {
            openWeight += g.Flow(network.ClassArcs[p]) * (long)Priorities.Weight(p + 1);
        }

        var weightMultiplier = network.WeightMultiplier();
        var summary = new NetworkSummary(
            g.NodeCount,
            g.ArcCount + 1L,
            weightMultiplier,
            network.DistanceMultiplier,
            checked((-weightMultiplier * openWeight) + secondary));
        var replan = confirmed.Count > 0 || previousCount > 0
            ? new ReplanSummary(confirmed.Count, previousCount, kept, previousCount - kept)
            : null;
        return new Plan(
            assignments,
            coveredWeight,
            assignments.Count,
            assignments.Sum(a => a.DistanceMeters),
            seconds,
            UnfilledExplanations.Explain(network, filled),
            replan,
            summary);
    }

    private static PlannedAssignment Assignment(MatchingInstance instance, int v, int s, bool confirmed)
    {
        var volunteer = instance.Volunteers[v];
        var slot = instance.Slots[s];
        var meters = Geo.RoundedMeters(Geo.DistanceMeters(volunteer.Lat, volunteer.Lon, slot.Lat, slot.Lon));
        return new PlannedAssignment(volunteer.Id, slot.Id, meters, confirmed);
    }

    internal static string Km(double meters) => (meters / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
}
