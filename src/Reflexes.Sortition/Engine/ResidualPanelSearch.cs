using System.Diagnostics;
using System.Globalization;

namespace Reflexes.Sortition.Engine;

/// <summary>
/// A cheap first pass before the exact certification of the relaxed leximin (ADR 0207): it looks for panels whose
/// mixture comes close to the target expected head counts E_t = size_t·π_t, without any simplex. The restricted
/// problem "minimise ½‖X p − E‖² over lotteries p of the panels found so far" is solved approximately by an
/// accelerated projected gradient (FISTA with adaptive restart) on the probability simplex; new panels are priced
/// at the residual r = E − X p (a Frank–Wolfe step: a panel x with r·x above r·X p moves the mixture towards E).
/// Nothing here is a proof: the panels only seed the exact column generation of <see cref="LeximinSolver"/>,
/// whose simplex optimum and exact pricing decide.
/// </summary>
internal sealed class ResidualPanelSearch(TypeModel model, PanelPricer pricer, bool[] selectable, double[] targets)
{
    private readonly List<int[]> _panels = [];
    private readonly List<int[]> _support = [];
    private readonly List<double[]> _counts = [];
    private readonly List<double> _weights = [];
    private readonly Dictionary<string, int> _known = new(StringComparer.Ordinal);
    private readonly List<int> _lastUsed = [];
    private int[] _active = [];
    private TimeSpan _gradientTime;
    private TimeSpan _pricingTime;
    private int _rounds;
    private int _gradientSteps;

    /// <summary>Stop when every type's probability under the mixture is this close to its target.</summary>
    public double StopResidual { get; init; } = 1e-5;

    public int MaxRounds { get; init; } = 2000;

    /// <summary>At most this many gradient steps between two pricing rounds.</summary>
    public int StepsPerRound { get; init; } = 150;

    /// <summary>How many of the panels returned carry weight in the last mixture (they come first).</summary>
    public int Supported { get; private set; }

    /// <summary>Inner stopping rule: the restricted problem counts as solved when no known panel beats the mixture by more than this share of ‖r‖².</summary>
    public double InnerGap { get; init; } = 1.0;

    public int MinStepsPerRound { get; init; } = 10;

    /// <summary>Pricing asks for a panel beating the mixture by this share of ‖r‖² (one exists if E is a mixture of panels, at share 1).</summary>
    public double PriceGap { get; init; } = 0.5;

    /// <summary>Panels one exchange away from the best panel of each round, added with it (off: measured slower, ADR 0207).</summary>
    public int Exchanges { get; init; }

    /// <summary>Rounds over which the residual must fall by a fifth (once below 1e-3) for the search to go on.</summary>
    public int StallWindow { get; init; } = 40;

    /// <summary>Rounds a panel may stay without weight before the gradient steps stop looking at it.</summary>
    public int KeepUnused { get; init; } = 25;

    /// <summary>Exchanges are added only while the residual is above this (in the tail they only slow the gradient steps).</summary>
    public double ExchangesUntil { get; init; } = 1e-3;

    /// <summary>Branch-and-bound nodes explored after the first panel found, for better ones.</summary>
    public int PricingNodes { get; init; } = 50;

    /// <summary>Largest gap between a type's probability under the last mixture and its target.</summary>
    public double Residual { get; private set; } = double.PositiveInfinity;

    public string Timing => string.Create(CultureInfo.InvariantCulture,
        $"{_rounds} residual rounds, {_panels.Count} panels, {_gradientSteps} gradient steps {_gradientTime.TotalSeconds:F2} s, pricing {_pricingTime.TotalSeconds:F2} s, residual {Residual:E1}");

    /// <summary>Every panel found (the initial ones first), the ones with weight in the last mixture first.</summary>
    public List<int[]> Search(IEnumerable<int[]> initialPanels, CancellationToken cancellationToken)
    {
        var types = model.TypeCount;
        var target = new double[types];
        for (var t = 0; t < types; t++)
        {
            target[t] = selectable[t] ? model.Members[t].Length * targets[t] : 0;
        }

        foreach (var panel in initialPanels)
        {
            Add(panel);
        }

        for (var j = 0; j < _weights.Count; j++)
        {
            _weights[j] = 1.0 / _weights.Count;
        }

        var mixture = new double[types];
        var residual = new double[types];
        var lipschitz = 0.0;
        // Not a constant vector: C's columns all sum to zero (every panel has k members), so C annihilates constants.
        var power = Enumerable.Range(0, types).Select(t => 1.0 + ((t * 7919) % 13)).ToArray();
        var stale = 0;
        var windowStart = double.PositiveInfinity;
        while (_rounds < MaxRounds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var gradientStart = Stopwatch.GetTimestamp();
            UpdateActive();
            lipschitz = EstimateLipschitz(power, target);
            // After a round that priced only known panels, the restricted problem was not solved well enough: take every step.
            Fista(target, lipschitz, StepsPerRound, stale > 0 ? StepsPerRound : MinStepsPerRound);
            Mix(_weights, mixture);
            var largest = 0.0;
            for (var t = 0; t < types; t++)
            {
                residual[t] = target[t] - mixture[t];
                largest = Math.Max(largest, Math.Abs(residual[t]) / Math.Max(1, model.Members[t].Length));
            }

            _gradientTime += Stopwatch.GetElapsedTime(gradientStart);
            Residual = largest;
            if (largest < StopResidual)
            {
                break;
            }

            if (_rounds % StallWindow == 0)
            {
                // The tail of a first-order method can crawl: once it gains less than a fifth over a window of
                // rounds, the exact column generation (warm-started from this mixture) is the faster way on.
                if (largest < 1e-3 && largest > 0.8 * windowStart)
                {
                    break;
                }

                windowStart = largest;
            }

            var current = 0.0;
            var squared = 0.0;
            for (var t = 0; t < types; t++)
            {
                current += residual[t] * mixture[t];
                squared += residual[t] * residual[t];
            }

            // If E is a mixture of panels, some panel x has r·x ≥ r·E = r·Xp + ‖r‖²: ask for half of that gain.
            var pricingStart = Stopwatch.GetTimestamp();
            var found = pricer.Above(residual, current + (PriceGap * squared), cancellationToken, PricingNodes);
            _pricingTime += Stopwatch.GetElapsedTime(pricingStart);
            _rounds++;
            var added = 0;
            foreach (var panel in found)
            {
                added += Add(panel) ? 1 : 0;
            }

            if (found.Count > 0 && Exchanges > 0 && largest > ExchangesUntil)
            {
                foreach (var panel in ExchangesOf(found[^1], residual, current + (PriceGap * squared)))
                {
                    added += Add(panel) ? 1 : 0;
                }
            }

            if (added > 0)
            {
                stale = 0;
            }
            else if (found.Count == 0 || ++stale > 5)
            {
                // Nothing above the bar (E is not a mixture of panels, or round-off), or only known panels several
                // times over: the exact column generation takes it from here.
                break;
            }
        }

        Supported = _weights.Count(w => w > 0);
        var order = Enumerable.Range(0, _panels.Count).OrderByDescending(j => _weights[j]).ToList();
        return [.. order.Select(j => _panels[j])];
    }

    /// <summary>
    /// Panels one exchange away from <paramref name="panel"/> (one person of type t out, one of type u in, every quota
    /// still met) whose value at the residual stays above <paramref name="bar"/>, the <see cref="Exchanges"/> best:
    /// more columns per pricing round, for the price of a scan over member and candidate types.
    /// </summary>
    private List<int[]> ExchangesOf(int[] panel, double[] residual, double bar)
    {
        var perFeature = new int[model.FeatureCount];
        var value = 0.0;
        for (var t = 0; t < panel.Length; t++)
        {
            value += panel[t] * residual[t];
            foreach (var f in model.TypeFeatures[t])
            {
                perFeature[f] += panel[t];
            }
        }

        var best = new List<(double Gain, int Out, int In)>();
        for (var t = 0; t < panel.Length; t++)
        {
            if (panel[t] == 0)
            {
                continue;
            }

            var outFeatures = model.TypeFeatures[t];
            for (var u = 0; u < panel.Length; u++)
            {
                var gain = residual[u] - residual[t];
                if (u == t || !selectable[u] || panel[u] >= model.Members[u].Length || value + gain <= bar)
                {
                    continue;
                }

                if (best.Count == Exchanges && gain <= best[^1].Gain)
                {
                    continue;
                }

                var inFeatures = model.TypeFeatures[u];
                var fits = true;
                for (var c = 0; c < outFeatures.Length && fits; c++)
                {
                    var (fo, fi) = (outFeatures[c], inFeatures[c]);
                    fits = fo == fi || (perFeature[fo] > model.FeatureMin[fo] && perFeature[fi] < model.FeatureMax[fi]);
                }

                if (!fits)
                {
                    continue;
                }

                var at = best.FindIndex(e => e.Gain < gain);
                best.Insert(at < 0 ? best.Count : at, (gain, t, u));
                if (best.Count > Exchanges)
                {
                    best.RemoveAt(best.Count - 1);
                }
            }
        }

        var panels = new List<int[]>();
        foreach (var (_, outType, inType) in best)
        {
            var exchanged = (int[])panel.Clone();
            exchanged[outType]--;
            exchanged[inType]++;
            if (model.IsValidPanel(exchanged))
            {
                panels.Add(exchanged);
            }
        }

        return panels;
    }

    private bool Add(int[] panel)
    {
        var key = string.Join(',', panel);
        if (_known.TryGetValue(key, out var known))
        {
            // A panel priced again after it left the active set comes back; one still active adds nothing.
            var inactive = _rounds - _lastUsed[known] > KeepUnused;
            _lastUsed[known] = _rounds;
            return inactive;
        }

        _known[key] = _panels.Count;
        _lastUsed.Add(_rounds);

        var support = new List<int>();
        for (var t = 0; t < panel.Length; t++)
        {
            if (panel[t] > 0 && selectable[t])
            {
                support.Add(t);
            }
        }

        _panels.Add(panel);
        _support.Add([.. support]);
        _counts.Add([.. support.Select(t => (double)panel[t])]);
        _weights.Add(0);
        return true;
    }

    /// <summary>
    /// The gradient steps only see panels that had weight in one of the last <see cref="KeepUnused"/> rounds (or were
    /// just found): the others have weight 0 and would only slow every step down. They stay known, and return if priced again.
    /// </summary>
    private void UpdateActive()
    {
        var active = new List<int>();
        for (var j = 0; j < _panels.Count; j++)
        {
            if (_weights[j] > 0)
            {
                _lastUsed[j] = _rounds;
            }

            if (_rounds - _lastUsed[j] <= KeepUnused)
            {
                active.Add(j);
            }
        }

        _active = [.. active];
    }

    private void MixActive(double[] weights, double[] mixture)
    {
        Array.Clear(mixture);
        for (var i = 0; i < _active.Length; i++)
        {
            var w = weights[i];
            if (w == 0)
            {
                continue;
            }

            var support = _support[_active[i]];
            var counts = _counts[_active[i]];
            for (var r = 0; r < support.Length; r++)
            {
                mixture[support[r]] += w * counts[r];
            }
        }
    }

    private void Mix(List<double> weights, double[] mixture)
    {
        Array.Clear(mixture);
        for (var j = 0; j < _panels.Count; j++)
        {
            var w = weights[j];
            if (w == 0)
            {
                continue;
            }

            var support = _support[j];
            var counts = _counts[j];
            for (var i = 0; i < support.Length; i++)
            {
                mixture[support[i]] += w * counts[i];
            }
        }
    }

    private double Dot(int j, double[] vector)
    {
        var support = _support[j];
        var counts = _counts[j];
        var sum = 0.0;
        for (var i = 0; i < support.Length; i++)
        {
            sum += vector[support[i]] * counts[i];
        }

        return sum;
    }

    /// <summary>
    /// Largest eigenvalue of CᵀC, with C = X − E·1ᵀ the panels seen from the target, by a few power iterations
    /// from the last vector. On the simplex X p − E = C p, and the gradients differ only by a constant, which the
    /// projection ignores; C's spectrum is far smaller than X's (every panel shares X's common direction).
    /// </summary>
    private double EstimateLipschitz(double[] vector, double[] target)
    {
        var n = _active.Length;
        var projected = new double[n];
        var image = new double[vector.Length];
        var estimate = 0.0;
        for (var iteration = 0; iteration < 12; iteration++)
        {
            var shift = 0.0;
            for (var t = 0; t < vector.Length; t++)
            {
                shift += target[t] * vector[t];
            }

            var total = 0.0;
            for (var j = 0; j < n; j++)
            {
                projected[j] = Dot(_active[j], vector) - shift;
                total += projected[j];
            }

            MixActive(projected, image);
            for (var t = 0; t < image.Length; t++)
            {
                image[t] -= total * target[t];
            }

            var norm = Math.Sqrt(image.Sum(v => v * v));
            var length = Math.Sqrt(vector.Sum(v => v * v));
            if (norm == 0 || length == 0)
            {
                // Fall back on the trace of CᵀC, an upper bound on its largest eigenvalue.
                var trace = 0.0;
                foreach (var j in _active)
                {
                    for (var t = 0; t < target.Length; t++)
                    {
                        var panel = _panels[j];
                        var d = panel[t] - target[t];
                        trace += d * d;
                    }
                }

                Array.Fill(vector, 1.0);
                vector[0] = 2;
                return Math.Max(trace, 1e-12);
            }

            estimate = norm / length;
            for (var t = 0; t < vector.Length; t++)
            {
                vector[t] = image[t] / norm;
            }
        }

        // Power iteration approaches the largest eigenvalue from below: a margin keeps the steps stable.
        return estimate * 1.1;
    }

    /// <summary>
    /// Accelerated projected gradient on the restricted problem, from the last mixture, until the best panel found so
    /// far is worth at most <see cref="InnerGap"/>·‖r‖² more than the mixture at the residual r (the restricted
    /// problem is then nearly solved relative to what pricing will ask for), or at most <paramref name="steps"/> steps.
    /// </summary>
    private void Fista(double[] target, double lipschitz, int steps, int minSteps)
    {
        var n = _active.Length;
        var x = _active.Select(j => _weights[j]).ToArray();
        var y = (double[])x.Clone();
        var next = new double[n];
        var gradient = new double[n];
        var mixture = new double[target.Length];
        var residual = new double[target.Length];
        var momentum = 1.0;
        for (var step = 0; step < steps; step++)
        {
            _gradientSteps++;
            MixActive(y, mixture);
            var squared = 0.0;
            var current = 0.0;
            for (var t = 0; t < target.Length; t++)
            {
                residual[t] = target[t] - mixture[t];
                squared += residual[t] * residual[t];
                current += residual[t] * mixture[t];
            }

            var bestPanel = double.NegativeInfinity;
            for (var j = 0; j < n; j++)
            {
                gradient[j] = -Dot(_active[j], residual);
                bestPanel = Math.Max(bestPanel, -gradient[j]);
                next[j] = y[j] - (gradient[j] / lipschitz);
            }

            if (step >= minSteps && bestPanel - current <= InnerGap * squared)
            {
                // Measured at the extrapolated point y; the last projected iterate x is kept (y may leave the simplex).
                break;
            }

            ProjectOntoSimplex(next);
            var nextMomentum = (1 + Math.Sqrt(1 + (4 * momentum * momentum))) / 2;
            var restart = 0.0;
            for (var j = 0; j < n; j++)
            {
                restart += gradient[j] * (next[j] - x[j]);
            }

            if (restart > 0)
            {
                // Adaptive restart (O'Donoghue and Candès): the momentum points uphill, drop it.
                nextMomentum = 1;
                Array.Copy(next, y, n);
            }
            else
            {
                var beta = (momentum - 1) / nextMomentum;
                for (var j = 0; j < n; j++)
                {
                    y[j] = next[j] + (beta * (next[j] - x[j]));
                }
            }

            momentum = nextMomentum;
            (x, next) = (next, x);
        }

        for (var j = 0; j < n; j++)
        {
            _weights[_active[j]] = x[j];
        }
    }

    /// <summary>Euclidean projection onto {p ≥ 0, Σ p = 1}, by sorting.</summary>
    private static void ProjectOntoSimplex(double[] v)
    {
        var sorted = (double[])v.Clone();
        Array.Sort(sorted);
        var sum = 0.0;
        var theta = 0.0;
        for (var i = sorted.Length - 1; i >= 0; i--)
        {
            sum += sorted[i];
            var candidate = (sum - 1) / (sorted.Length - i);
            if (i == 0 || sorted[i - 1] <= candidate)
            {
                theta = candidate;
                break;
            }
        }

        for (var i = 0; i < v.Length; i++)
        {
            v[i] = Math.Max(0, v[i] - theta);
        }
    }
}
