using System.Globalization;
using Reflexes.Sortition.Engine;

namespace Reflexes.Sortition;

/// <summary>Computes a selection lottery for a pool, a panel size and quotas.</summary>
public static class SortitionEngine
{
    /// <summary>How close to the relaxed leximin a lottery must come (share of it, and on each probability) to be accepted as the leximin.</summary>
    private const double RelaxationReachedTolerance = 1e-8;

    /// <exception cref="InfeasibleQuotasException">No panel meets the quotas.</exception>
    public static SelectionResult Select(Pool pool, int k, bool households, SelectionAlgorithm algorithm, SelectionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        options ??= new SelectionOptions();
        var started = options.Clock.GetTimestamp();
        var model = TypeModel.Build(pool, k, households);
        var pricer = new PanelPricer(model);
        var (selectable, initialPanels) = Explore(model, pricer, cancellationToken);
        var never = new List<NeverSelectable>();
        for (var t = 0; t < model.TypeCount; t++)
        {
            if (!selectable[t])
            {
                var reason = QuotaDiagnosis.WhyNeverSelected(model, t);
                never.AddRange(model.Members[t].Select(person => new NeverSelectable(person, reason)));
            }
        }

        List<SelectedPanel> panels;
        string details;
        if (algorithm == SelectionAlgorithm.Legacy)
        {
            var legacy = new LegacySelector(model, selectable);
            var random = new Random(options.LegacySeed);
            var counts = new Dictionary<string, (int[] Members, int Count)>(StringComparer.Ordinal);
            var draws = 0;
            for (var d = 0; d < options.LegacyDraws; d++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var panel = legacy.Draw(random);
                if (panel is null)
                {
                    continue;
                }

                draws++;
                var key = string.Join(",", panel);
                counts[key] = counts.TryGetValue(key, out var c) ? (c.Members, c.Count + 1) : (panel, 1);
            }

            panels = [.. counts.Values.Select(v => new SelectedPanel((double)v.Count / draws, v.Members))];
            details = string.Create(CultureInfo.InvariantCulture, $"{draws} draws (seed {options.LegacySeed}), {legacy.Failures} restarted attempts, {model.TypeCount} types");
        }
        else
        {
            var solveStart = options.Clock.GetTimestamp();
            var (distribution, route) = algorithm == SelectionAlgorithm.Maximin
                ? (new LeximinSolver(model, pricer, selectable).Solve(initialPanels, stopAfterFirstStage: true, cancellationToken), "maximin")
                : Leximin(model, pricer, selectable, initialPanels, options, cancellationToken);
            var expansionStart = options.Clock.GetTimestamp();
            panels = PanelExpansion.Expand(model, distribution);
            var expansion = options.Clock.GetElapsedTime(expansionStart);
            details = string.Create(CultureInfo.InvariantCulture,
                $"{model.TypeCount} types, {route}, {distribution.Stages} stage(s), {distribution.ColumnGenerationRounds} pricing rounds, {pricer.Nodes} branch-and-bound nodes, {distribution.Panels.Count} type-level panels; exploration {options.Clock.GetElapsedTime(started, solveStart).TotalSeconds:F2} s, {distribution.Timing}, expansion {expansion.TotalSeconds:F2} s");
        }

        panels.Sort((a, b) => b.Probability.CompareTo(a.Probability));
        var probabilities = new double[pool.People.Count];
        foreach (var panel in panels)
        {
            foreach (var person in panel.Members)
            {
                probabilities[person] += panel.Probability;
            }
        }

        var elapsed = options.Clock.GetElapsedTime(started);
        return new SelectionResult(algorithm, pool, k, panels, probabilities, never, elapsed, details);
    }

    /// <summary>
    /// Leximin, by the relaxation first when allowed: the leximin of the linear relaxation (a compact program) is
    /// an upper bound in the leximin order; if column generation finds a lottery reaching it, that lottery is the
    /// leximin. Otherwise the stages are solved over panels, starting from every panel generated so far.
    /// </summary>
    private static (TypeDistribution Distribution, string Route) Leximin(TypeModel model, PanelPricer pricer, bool[] selectable, List<int[]> initialPanels, SelectionOptions options, CancellationToken cancellationToken)
    {
        var panels = initialPanels;
        var prelude = "";
        if (options.RelaxationFirst)
        {
            var relaxedStart = options.Clock.GetTimestamp();
            var relaxed = new RelaxedLeximin(model, selectable).Solve(cancellationToken);
            var relaxedTime = options.Clock.GetElapsedTime(relaxedStart);
            var searchStart = options.Clock.GetTimestamp();
            List<int[]> seeds;
            int supported;
            string searchTiming;
            if (options.MinNormPoint)
            {
                var search = new MinNormPointSearch(model, pricer, selectable, relaxed);
                seeds = search.Search(initialPanels, cancellationToken);
                (supported, searchTiming) = (search.Supported, search.Timing);
                // The search's own lottery is the proof when it reaches the relaxed leximin (the same test as below).
                var lottery = search.Lottery();
                var gap = Enumerable.Range(0, model.TypeCount).Where(t => selectable[t]).Select(t => Math.Abs(lottery.TypeProbabilities[t] - relaxed[t])).DefaultIfEmpty(0).Max();
                if (lottery.Panels.Count > 0 && gap <= RelaxationReachedTolerance)
                {
                    return (lottery, string.Create(CultureInfo.InvariantCulture,
                        $"relaxation reached by the search's lottery: relaxed leximin {relaxedTime.TotalSeconds:F2} s, residual search {options.Clock.GetElapsedTime(searchStart).TotalSeconds:F2} s ({searchTiming}), largest deviation {gap:E1}"));
                }
            }
            else
            {
                var search = new ResidualPanelSearch(model, pricer, selectable, relaxed);
                seeds = search.Search(initialPanels, cancellationToken);
                (supported, searchTiming) = (search.Supported, search.Timing);
            }

            var searchTime = options.Clock.GetElapsedTime(searchStart);
            var certifier = new LeximinSolver(model, pricer, selectable, relaxed);
            var reached = certifier.Solve(seeds, stopAfterFirstStage: true, cancellationToken, crash: supported);
            var deviation = Enumerable.Range(0, model.TypeCount).Where(t => selectable[t]).Select(t => Math.Abs(reached.TypeProbabilities[t] - relaxed[t])).DefaultIfEmpty(0).Max();
            prelude = string.Create(CultureInfo.InvariantCulture, $"relaxed leximin {relaxedTime.TotalSeconds:F2} s, residual search {searchTime.TotalSeconds:F2} s ({searchTiming}), reached {certifier.Z:F9} of it (largest deviation {deviation:E1}; {reached.Timing})");
            if (certifier.Z >= 1 - RelaxationReachedTolerance && deviation <= RelaxationReachedTolerance)
            {
                return (reached, "relaxation reached: " + prelude);
            }

            panels = [.. initialPanels, .. certifier.Panels];
        }

        var distribution = new LeximinSolver(model, pricer, selectable).Solve(panels, stopAfterFirstStage: false, cancellationToken);
        return (distribution, prelude.Length == 0 ? "stages over panels" : "relaxation not reached (" + prelude + "), stages over panels");
    }

    /// <summary>
    /// Finds, for every type, a panel containing one of its people, or proves there is none. The panels found
    /// seed the column generation. Throws if no panel exists at all.
    /// </summary>
    private static (bool[] Selectable, List<int[]> Panels) Explore(TypeModel model, PanelPricer pricer, CancellationToken cancellationToken)
    {
        var types = model.TypeCount;
        var covered = new bool[types];
        var selectable = new bool[types];
        var decided = new bool[types];
        var panels = new List<int[]>();
        var weights = new double[types];
        for (var t = 0; t < types; t++)
        {
            if (decided[t])
            {
                continue;
            }

            // Aim at type t, and prefer panels that also reach types not yet covered.
            for (var s = 0; s < types; s++)
            {
                weights[s] = covered[s] ? 0 : 1.0 / (model.K + 1);
            }

            // A panel without type t is worth at most k/(k+1) < threshold; with it, at least 1.
            weights[t] = 1;
            var found = pricer.Above(weights, 1 - (0.5 / (model.K + 1)), cancellationToken, nodesAfterFirst: 0);
            if (found.Count == 0)
            {
                if (panels.Count == 0 && pricer.Best(new double[types], cancellationToken) is null)
                {
                    throw QuotaDiagnosis.Explain(model, cancellationToken);
                }

                decided[t] = true;
                pricer.Exclude(t);
                continue;
            }

            var panel = found[^1];
            panels.Add(panel);
            for (var s = 0; s < types; s++)
            {
                if (panel[s] > 0)
                {
                    covered[s] = true;
                    selectable[s] = true;
                    decided[s] = true;
                }
            }
        }

        return (selectable, panels);
    }
}
