using System.Runtime.InteropServices;
using Reflexes.Matching.Flow;
using Reflexes.Matching.Model;

namespace Reflexes.Matching.Planning;

/// <summary>
/// The layered network of a matching instance: source → volunteer [maxTotal] → volunteer×ISO week [maxPerWeek]
/// → volunteer×half-day [1] → slot → priority class → sink. A week layer that cannot bind (its cap is at least
/// the number of half-days offered that week) is left out. Assignment arcs cost
/// <c>distance × DistanceMultiplier − (1 if the previous plan proposed it)</c>; those of a volunteer×half-day are
/// laid out nearest slot first.
/// </summary>
internal sealed class MatchingNetwork
{
    public const int Source = 0;
    public const int Sink = 1;
    public const int FirstSlotNode = 5;

    private MatchingNetwork(MatchingInstance instance, FlowGraph graph)
    {
        Instance = instance;
        Graph = graph;
    }

    public MatchingInstance Instance { get; }

    public FlowGraph Graph { get; }

    /// <summary>Arc from priority class node p (index p-1) to the sink.</summary>
    public int[] ClassArcs { get; } = new int[3];

    /// <summary>Open places per priority class (needed minus confirmed).</summary>
    public long[] ClassPlaces { get; } = new long[3];

    public long DistanceMultiplier { get; private set; } = 1;

    public long MaxArcCost { get; private set; }

    /// <summary>An upper bound on the flow: no plan fills more open places than this.</summary>
    public long FlowBound { get; private set; }

    /// <summary>The vh nodes of volunteer i are VolunteerHalfDays[i]..VolunteerHalfDays[i+1]-1 (empty when none).</summary>
    public int[] HalfDayStart { get; private set; } = [];

    public int[] HalfDayEnd { get; private set; } = [];

    /// <summary>
    /// The core size the network was laid out for: the first this many assignment arcs of each volunteer×half-day
    /// have their reverse entries at the start of their slot's entries (0: no such layout).
    /// </summary>
    public int CoreArcsPerHalfDay { get; private set; }

    /// <summary>Volunteers in the order their nodes are laid out (along a space-filling curve).</summary>
    public int[] LayoutOrder { get; private set; } = [];

    /// <summary>Number of volunteer×half-day arcs into each slot.</summary>
    public int[] SlotArcCount { get; private set; } = [];

    public int[] OpenPlaces { get; private set; } = [];

    public IReadOnlyList<(int Volunteer, int Slot)> Confirmed { get; private set; } = [];

    /// <summary>Slot nodes follow the slots along a space-filling curve (as volunteers do): slot s is node SlotNodes[s].</summary>
    public int[] SlotNodes { get; private set; } = [];

    /// <summary>The slot whose node is <c>FirstSlotNode + i</c>.</summary>
    public int[] SlotAtNode { get; private set; } = [];

    public int SlotNode(int slot) => SlotNodes[slot];

    public int SlotOf(int node) => SlotAtNode[node - FirstSlotNode];

    public static int ClassNode(int priority) => 1 + priority;

    public bool IsSlotNode(int node) => node >= FirstSlotNode && node < FirstSlotNode + Instance.Slots.Count;

    public static MatchingNetwork Build(
        MatchingInstance instance,
        Eligibility eligibility,
        IReadOnlyList<(int Volunteer, int Slot)> confirmed,
        HashSet<long> previous,
        int coreArcsPerHalfDay = 0)
    {
        var volunteers = instance.Volunteers;
        var slots = instance.Slots;
        var builder = new FlowGraphBuilder();
        builder.AddNodes(FirstSlotNode + slots.Count);
        var slotAtNode = SpatialOrder.Of(slots.Count, s => slots[s].Lat, s => slots[s].Lon);
        var slotNodes = new int[slots.Count];
        for (var i = 0; i < slotAtNode.Length; i++)
        {
            slotNodes[slotAtNode[i]] = FirstSlotNode + i;
        }

        // What confirmed assignments already use.
        var open = slots.Select(s => s.Needed).ToArray();
        var usedTotal = new int[volunteers.Count];
        var usedHalfDays = new HashSet<(int, int)>();
        var usedWeeks = new Dictionary<(int, int), int>();
        foreach (var (v, s) in confirmed)
        {
            open[s]--;
            usedTotal[v]++;
            usedHalfDays.Add((v, slots[s].HalfDay.Index));
            var key = (v, slots[s].HalfDay.IsoWeek);
            usedWeeks[key] = usedWeeks.GetValueOrDefault(key) + 1;
        }

        var classPlaces = new long[3];
        var k = previous.Count + 1L;

        for (var s = 0; s < slots.Count; s++)
        {
            if (open[s] > 0)
            {
                builder.AddArc(slotNodes[s], ClassNode(slots[s].Priority), open[s], 0);
                classPlaces[slots[s].Priority - 1] += open[s];
            }
        }

        var classArcs = new int[3];
        for (var p = 1; p <= 3; p++)
        {
            classArcs[p - 1] = builder.AddArc(ClassNode(p), Sink, 0, 0);
        }

        var byHalfDay = SlotsByHalfDay(slots, open);
        var slotCosLat = slots.Select(slot => Geo.CosLatitude(slot.Lat)).ToArray();
        var halfDayStart = new int[volunteers.Count];
        var halfDayEnd = new int[volunteers.Count];
        var slotArcs = new int[slots.Count];
        var flowFromVolunteers = 0L;
        var maxMeters = 0L;

        // The feasible slots of each free half-day of each volunteer, in parallel over chunks of volunteers, then
        // (in volunteer order, so the network does not depend on the number of threads) the nodes and arcs.
        // Volunteers are laid out along a space-filling curve: those near one slot get nearby node numbers, which
        // keeps the solvers' accesses to their prices and arcs close together in memory.
        var order = SpatialOrder.Of(volunteers.Count, v => volunteers[v].Lat, v => volunteers[v].Lon);
        var chunks = new FeasibleArcs?[(volunteers.Count + ChunkSize - 1) / ChunkSize];
        Parallel.For(0, chunks.Length, c =>
        {
            var chunk = new FeasibleArcs(c * ChunkSize, Math.Min(volunteers.Count, (c + 1) * ChunkSize));
            for (var i = chunk.FirstVolunteer; i < chunk.EndVolunteer; i++)
            {
                var v = order[i];
                chunk.Begin();
                if (volunteers[v].MaxTotal - usedTotal[v] > 0)
                {
                    Feasible(instance, eligibility, v, usedHalfDays, byHalfDay, slotCosLat, chunk);
                }
            }

            chunk.Finish();
            chunks[c] = chunk;
        });

        var halfDayOfGroup = new List<HalfDay>();
        var groupStart = new List<int>();
        for (var i = 0; i < volunteers.Count; i++)
        {
            var v = order[i];
            var volunteer = volunteers[v];
            halfDayStart[v] = halfDayEnd[v] = -1;
            var chunk = chunks[i / ChunkSize]!;
            var totalCap = volunteer.MaxTotal - usedTotal[v];
            var local = i - chunk.FirstVolunteer;
            var arcSlot = chunk.Slot;
            var arcMeters = chunk.Meters;
            halfDayOfGroup.Clear();
            groupStart.Clear();
            for (var group = chunk.VolunteerGroups[local]; group < chunk.VolunteerGroups[local + 1]; group++)
            {
                halfDayOfGroup.Add(chunk.HalfDays[group]);
                groupStart.Add(chunk.GroupArcs[group]);
            }

            if (local + 1 == chunk.EndVolunteer - chunk.FirstVolunteer)
            {
                chunks[i / ChunkSize] = null; // consumed: its memory can go before the network is laid out
            }

            if (totalCap <= 0 || halfDayOfGroup.Count == 0)
            {
                continue;
            }

            groupStart.Add(chunk.GroupArcs[chunk.VolunteerGroups[local + 1]]);
            var volunteerNode = builder.AddNode();
            var sourceArc = builder.AddArc(Source, volunteerNode, 0, 0);
            var reachable = 0;
            halfDayStart[v] = builder.NodeCount;
            var g = 0;
            while (g < halfDayOfGroup.Count)
            {
                var week = halfDayOfGroup[g].IsoWeek;
                var weekEnd = g;
                while (weekEnd < halfDayOfGroup.Count && halfDayOfGroup[weekEnd].IsoWeek == week)
                {
                    weekEnd++;
                }

                var weekCap = Math.Min(volunteer.MaxPerWeek - usedWeeks.GetValueOrDefault((v, week)), weekEnd - g);
                if (weekCap > 0)
                {
                    var parent = volunteerNode;
                    if (weekCap < weekEnd - g)
                    {
                        parent = builder.AddNode();
                        builder.AddArc(volunteerNode, parent, weekCap, 0);
                    }

                    reachable += weekCap;
                    for (var h = g; h < weekEnd; h++)
                    {
                        var halfDayNode = builder.AddNode();
                        builder.AddArc(parent, halfDayNode, 1, 0);
                        for (var a = groupStart[h]; a < groupStart[h + 1]; a++)
                        {
                            var s = arcSlot[a];
                            var kept = previous.Count > 0 && previous.Contains(PairKey(v, s, slots.Count)) ? 1 : 0;

                            // Outside the core that cost scaling starts from (ADR 0304), the reverse entry goes to the
                            // end of the slot's entries, so each slot's core entries come first without any swap.
                            var late = coreArcsPerHalfDay > 0 && a - groupStart[h] >= coreArcsPerHalfDay;
                            builder.AddArc(halfDayNode, slotNodes[s], 1, (arcMeters[a] * k) - kept, late);
                            slotArcs[s]++;
                            maxMeters = Math.Max(maxMeters, arcMeters[a]);
                        }
                    }
                }

                g = weekEnd;
            }

            halfDayEnd[v] = builder.NodeCount;
            var cap = Math.Min(totalCap, reachable);
            flowFromVolunteers += cap;
            builder.SetCapacity(sourceArc, cap);
        }

        var graph = builder.Build();
        var built = new MatchingNetwork(instance, graph)
        {
            DistanceMultiplier = k,
            MaxArcCost = checked((maxMeters * k) + 1),
            FlowBound = Math.Min(flowFromVolunteers, classPlaces.Sum()),
            HalfDayStart = halfDayStart,
            HalfDayEnd = halfDayEnd,
            LayoutOrder = order,
            SlotNodes = slotNodes,
            SlotAtNode = slotAtNode,
            CoreArcsPerHalfDay = coreArcsPerHalfDay,
            SlotArcCount = slotArcs,
            OpenPlaces = open,
            Confirmed = confirmed,
        };
        classArcs.CopyTo(built.ClassArcs, 0);
        classPlaces.CopyTo(built.ClassPlaces, 0);
        return built;
    }

    private const int ChunkSize = 2048;

    /// <summary>Adds to the chunk the feasible slots of each free half-day of volunteer v, nearest first.</summary>
    private static void Feasible(
        MatchingInstance instance,
        Eligibility eligibility,
        int v,
        HashSet<(int, int)> usedHalfDays,
        Dictionary<int, (int[] Slots, double[] Lats, double[] Lons)> byHalfDay,
        double[] slotCosLat,
        FeasibleArcs chunk)
    {
        var volunteer = instance.Volunteers[v];
        var slots = instance.Slots;
        var cosLat = Geo.CosLatitude(volunteer.Lat);
        var reach = volunteer.MaxDistanceKm * 1000.0;
        var reachHaversine = Geo.HaversineBound(volunteer.MaxDistanceKm * 1000.0);
        var band = (volunteer.MaxDistanceKm * 1000.0 / Geo.EarthRadiusMeters * 180.0 / Math.PI * (1 + 1e-9)) + 1e-9;
        var lonBand = Geo.LongitudeBand(volunteer.Lat, band, reachHaversine);
        HalfDay? previous = null;
        foreach (var halfDay in volunteer.HalfDays.Order())
        {
            if (halfDay == previous || usedHalfDays.Contains((v, halfDay.Index)) || !byHalfDay.TryGetValue(halfDay.Index, out var candidates))
            {
                previous = halfDay;
                continue;
            }

            previous = halfDay;
            var startCount = chunk.Slot.Count;
            var lats = candidates.Lats;
            var lons = candidates.Lons;
            var from = LowerBound(lats, volunteer.Lat - band);
            var top = volunteer.Lat + band;
            for (var i = from; i < lats.Length && lats[i] <= top; i++)
            {
                var s = candidates.Slots[i];
                if (Geo.LongitudeApart(volunteer.Lon, lons[i]) <= lonBand
                    && eligibility.HasSkills(v, s) && eligibility.HasLanguages(v, s)
                    && Geo.DistanceIfWithin(volunteer.Lat, volunteer.Lon, cosLat, lats[i], lons[i], slotCosLat[s], reachHaversine, out var meters)
                    && meters <= reach)
                {
                    chunk.Slot.Add(s);
                    chunk.Meters.Add((int)Geo.RoundedMeters(meters));
                }
            }

            if (chunk.Slot.Count > startCount)
            {
                // Nearest slots first: the greedy start takes them, and cost scaling's core starts from them.
                CollectionsMarshal.AsSpan(chunk.Meters)[startCount..].Sort(CollectionsMarshal.AsSpan(chunk.Slot)[startCount..]);
                chunk.HalfDays.Add(halfDay);
                chunk.GroupArcs.Add(startCount);
            }
        }
    }

    /// <summary>
    /// Where each node's unit arcs begin: from that position on, every residual arc of the node is one half of an
    /// arc of capacity 1 (a volunteer×half-day's arcs, a slot's arcs after the one to its class), so the residual
    /// capacity of its other half is 1 minus its own. Nodes without such arcs get the end of their adjacency.
    /// A node whose unit arcs begin at its first entry (a volunteer×half-day) is fed by that entry's arc and
    /// sends flow only on its other arcs, which cost scaling relies on (see <c>CostScaling</c>).
    /// </summary>
    public int[] UnitArcsFrom()
    {
        var first = Graph.First;
        var unitFrom = first[1..];
        for (var s = 0; s < Instance.Slots.Count; s++)
        {
            var node = SlotNode(s);
            unitFrom[node] = Math.Min(first[node] + 1, first[node + 1]);
        }

        for (var v = 0; v < HalfDayStart.Length; v++)
        {
            // The range also holds the volunteer's week nodes, whose arc to the volunteer is not a unit arc.
            for (var node = HalfDayStart[v]; node >= 0 && node < HalfDayEnd[v]; node++)
            {
                if (first[node] + 1 < first[node + 1] && IsSlotNode(Graph.Arcs[first[node] + 1].Head))
                {
                    unitFrom[node] = first[node];
                }
            }
        }

        return unitFrom;
    }

    public static long PairKey(int volunteer, int slot, int slotCount) => ((long)volunteer * slotCount) + slot;

    /// <summary>Weight per filled place in the single-objective network: larger than any secondary cost a plan can have.</summary>
    public long WeightMultiplier() => checked((FlowBound * MaxArcCost) + 1);

    private static Dictionary<int, (int[] Slots, double[] Lats, double[] Lons)> SlotsByHalfDay(IReadOnlyList<Slot> slots, int[] open)
    {
        return Enumerable.Range(0, slots.Count)
            .Where(s => open[s] > 0)
            .GroupBy(s => slots[s].HalfDay.Index)
            .ToDictionary(
                group => group.Key,
                group =>
                {
                    var ordered = group.OrderBy(s => slots[s].Lat).ToArray();
                    return (ordered, ordered.Select(s => slots[s].Lat).ToArray(), ordered.Select(s => slots[s].Lon).ToArray());
                });
    }

    private static int LowerBound(double[] values, double value)
    {
        int lo = 0, hi = values.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (values[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// The feasible arcs of a chunk of volunteers (positions <c>FirstVolunteer..EndVolunteer-1</c> of the layout order):
    /// groups per volunteer, arcs per group (a half-day).
    /// </summary>
    private sealed class FeasibleArcs(int firstVolunteer, int endVolunteer)
    {
        public int FirstVolunteer { get; } = firstVolunteer;

        public int EndVolunteer { get; } = endVolunteer;

        /// <summary>The groups of the chunk's i-th volunteer are VolunteerGroups[i]..VolunteerGroups[i+1]-1.</summary>
        public List<int> VolunteerGroups { get; } = [];

        public List<HalfDay> HalfDays { get; } = [];

        /// <summary>The arcs of group g are GroupArcs[g]..GroupArcs[g+1]-1 (the last group ends at the arc count).</summary>
        public List<int> GroupArcs { get; } = [];

        public List<int> Slot { get; } = [];

        public List<int> Meters { get; } = [];

        /// <summary>Starts the next volunteer.</summary>
        public void Begin() => VolunteerGroups.Add(HalfDays.Count);

        /// <summary>Closes the last volunteer and the last group.</summary>
        public void Finish()
        {
            Begin();
            GroupArcs.Add(Slot.Count);
        }
    }
}
