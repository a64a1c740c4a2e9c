using System.Diagnostics;
using System.Globalization;

namespace Reflexes.Sortition.Engine;

/// <summary>
/// Wolfe's minimum-norm-point algorithm (ADR 0208) for the same task as <see cref="ResidualPanelSearch"/>: write the
/// target expected head counts E as a mixture of panels. With c_j = x_j − E, it looks for the point of conv{c_j} nearest
/// the origin. It keeps a corral of affinely independent panels and their weights; each major cycle prices a panel at the
/// residual r = E − X λ (any panel with r·x above r·Xλ improves), adds it, and the minor cycles move to the affine
/// minimiser of the corral (an exact solve with an updated Cholesky factor of CᵀC + 11ᵀ), dropping panels whose weight
/// would turn negative. Unlike the first-order search it does not stall in the tail: once the right panels are in the
/// corral the residual is exactly zero up to round-off. The engine takes its lottery as the answer only after checking every
/// type against the relaxed leximin (ADR 0208); otherwise its panels seed the exact certification.
/// </summary>
internal sealed class MinNormPointSearch(TypeModel model, PanelPricer pricer, bool[] selectable, double[] targets)
{
    private readonly List<int[]> _panels = [];
    private readonly List<int[]> _support = [];
    private readonly List<double[]> _counts = [];
    private readonly List<double> _targetDot = [];
    private readonly Dictionary<string, int> _known = new(StringComparer.Ordinal);
    private readonly List<int> _corral = [];
    private readonly List<double> _lambda = [];
    /// <summary>The upper triangular factor R, row-major with stride <see cref="_n"/>.</summary>
    private double[] _r = [];
    private int _n;
    private double[] _target = [];
    private double _targetNorm;
    private int _rounds;
    private int _drops;
    private int _rejected;
    private TimeSpan _pricingTime;
    private TimeSpan _algebraTime;
    private string _stop = "round limit";

    /// <summary>Stop when every type's probability under the mixture is this close to its target (the engine accepts 1e-8).</summary>
    public double StopResidual { get; init; } = 1e-9;

    public int MaxRounds { get; init; } = 200_000;

    /// <summary>Pricing asks for a panel beating the mixture by this share of ‖r‖² (one exists at share 1 if E is a mixture of panels).</summary>
    public double PriceGap { get; init; } = 0.5;

    /// <summary>
    /// Branch-and-bound nodes explored after the first panel above the bar, for better ones. None: measured on
    /// generated_n500_k50_c6, 50 more nodes saved a tenth of the rounds for three times the cost per round (ADR 0208).
    /// </summary>
    public int PricingNodes { get; init; }

    public int Supported { get; private set; }

    /// <summary>Largest gap between a type's probability under the last mixture and its target.</summary>
    public double Residual { get; private set; } = double.PositiveInfinity;

    public string Timing => string.Create(CultureInfo.InvariantCulture,
        $"min-norm point: {_rounds} rounds (pricing {_pricingTime.TotalSeconds:F2} s; the pricer so far: {pricer.Nodes} nodes, {pricer.Pivots} pivots, {pricer.PhaseOnePivots} in phase 1), corral {_corral.Count}, {_drops} drops, {_rejected} rejected, algebra {_algebraTime.TotalSeconds:F2} s, {_panels.Count} panels, residual {Residual:E1}, stopped: {_stop}");

    /// <summary>
    /// The last mixture as a lottery (the corral's panels and weights) with each type's selection probability under it:
    /// if every one is within the tolerance of its target, this lottery is the certificate itself (ADR 0204, 0208).
    /// </summary>
    public TypeDistribution Lottery()
    {
        var total = _lambda.Sum(w => Math.Max(0, w));
        var panels = new List<int[]>();
        var probabilities = new List<double>();
        var typeProbabilities = new double[model.TypeCount];
        for (var i = 0; i < _corral.Count; i++)
        {
            var p = Math.Max(0, _lambda[i]) / total;
            if (p <= 0)
            {
                continue;
            }

            var panel = _panels[_corral[i]];
            panels.Add(panel);
            probabilities.Add(p);
            for (var t = 0; t < panel.Length; t++)
            {
                typeProbabilities[t] += p * panel[t] / model.Members[t].Length;
            }
        }

        return new TypeDistribution(panels, probabilities, typeProbabilities, Stages: 1, ColumnGenerationRounds: _rounds) { Timing = Timing };
    }

    public List<int[]> Search(IEnumerable<int[]> initialPanels, CancellationToken cancellationToken)
    {
        var types = model.TypeCount;
        _target = new double[types];
        for (var t = 0; t < types; t++)
        {
            _target[t] = selectable[t] ? model.Members[t].Length * targets[t] : 0;
            _targetNorm += _target[t] * _target[t];
        }

        var initial = initialPanels.ToList();
        foreach (var panel in initial)
        {
            Known(panel);
        }

        var mixture = new double[types];
        var residual = new double[types];
        var scaled = new double[types];
        if (_panels.Count > 0)
        {
            // Start from the initial panel nearest the target.
            var first = Enumerable.Range(0, _panels.Count).MinBy(j => Gram(j, j));
            _n = Math.Min(types + 2, 64);
            _r = new double[_n * _n];
            _r[0] = Math.Sqrt(Gram(first, first) + 1);
            _corral.Add(first);
            _lambda.Add(1);
        }

        while (_rounds < MaxRounds && _corral.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Mix(mixture);
            var largest = 0.0;
            var squared = 0.0;
            var current = 0.0;
            for (var t = 0; t < types; t++)
            {
                residual[t] = _target[t] - mixture[t];
                largest = Math.Max(largest, Math.Abs(residual[t]) / Math.Max(1, model.Members[t].Length));
                squared += residual[t] * residual[t];
                current += residual[t] * mixture[t];
            }

            Residual = largest;
            if (largest < StopResidual)
            {
                _stop = "residual reached";
                break;
            }

            _rounds++;
            var bar = current + (PriceGap * squared);
            // Branch-and-bound's tolerances are absolute: price at the residual scaled to a largest weight of 1.
            var start = Stopwatch.GetTimestamp();
            var scale = 1 / residual.Max(Math.Abs);
            for (var t = 0; t < types; t++)
            {
                scaled[t] = residual[t] * scale;
            }

            var found = pricer.Above(scaled, bar * scale, cancellationToken, PricingNodes);
            _pricingTime += Stopwatch.GetElapsedTime(start);
            if (found.Count == 0)
            {
                // E is not a mixture of panels (the relaxation is not reached), or round-off: the certification decides.
                _stop = "nothing above the bar";
                break;
            }

            var candidate = Known(found[^1]);
            var algebra = Stopwatch.GetTimestamp();
            var ok = !_corral.Contains(candidate) && Append(candidate);
            if (ok)
            {
                MinorCycles();
            }

            _algebraTime += Stopwatch.GetElapsedTime(algebra);
            if (!ok)
            {
                _rejected++;
                if (_rejected > 20)
                {
                    _stop = "round-off (affinely dependent panels)";
                    break;
                }
            }
        }

        Supported = _corral.Count;
        var order = new List<int>();
        var inCorral = new HashSet<int>(_corral);
        order.AddRange(Enumerable.Range(0, _corral.Count).OrderByDescending(i => _lambda[i]).Select(i => _corral[i]));
        if (Residual >= StopResidual)
        {
            // Not a mixture yet: the certification may use the other panels found. Once it is, the corral alone is the
            // answer, and thousands of dropped panels would only slow every pivot of the certification down.
            order.AddRange(Enumerable.Range(0, _panels.Count).Where(j => !inCorral.Contains(j)));
        }

        return [.. order.Select(j => _panels[j])];
    }

    private int Known(int[] panel)
    {
        var key = string.Join(',', panel);
        if (_known.TryGetValue(key, out var known))
        {
            return known;
        }

        var support = new List<int>();
        var dot = 0.0;
        for (var t = 0; t < panel.Length; t++)
        {
            if (panel[t] > 0)
            {
                support.Add(t);
                dot += panel[t] * _target[t];
            }
        }

        _known[key] = _panels.Count;
        _panels.Add(panel);
        _support.Add([.. support]);
        _counts.Add([.. support.Select(t => (double)panel[t])]);
        _targetDot.Add(dot);
        return _panels.Count - 1;
    }

    /// <summary>c_i·c_j with c = x − E.</summary>
    private double Gram(int i, int j)
    {
        var panel = _panels[j];
        var support = _support[i];
        var counts = _counts[i];
        var cross = 0.0;
        for (var s = 0; s < support.Length; s++)
        {
            cross += counts[s] * panel[support[s]];
        }

        return cross - _targetDot[i] - _targetDot[j] + _targetNorm;
    }

    /// <summary>Adds panel j to the corral with weight 0, extending the factor R (RᵀR = CᵀC + 11ᵀ); false if it is affinely dependent.</summary>
    private bool Append(int j)
    {
        var s = _corral.Count;
        if (s + 1 > _n)
        {
            var size = Math.Min(Math.Max(2 * _n, s + 1), model.TypeCount + 2);
            if (size < s + 1)
            {
                return false;
            }

            var grown = new double[size * size];
            for (var a = 0; a < s; a++)
            {
                Array.Copy(_r, a * _n, grown, a * size, s);
            }

            (_r, _n) = (grown, size);
        }

        // Solve Rᵀ q = m with m_i = c_i·c_j + 1.
        var q = new double[s];
        for (var i = 0; i < s; i++)
        {
            q[i] = Gram(_corral[i], j) + 1;
        }

        ForwardSolve(q);
        var diagonal = Gram(j, j) + 1;
        var rest = diagonal - q.Sum(v => v * v);
        if (rest <= 1e-10 * diagonal)
        {
            return false;
        }

        for (var i = 0; i < s; i++)
        {
            _r[(i * _n) + s] = q[i];
        }

        _r[(s * _n) + s] = Math.Sqrt(rest);
        _corral.Add(j);
        _lambda.Add(0);
        return true;
    }

    /// <summary>Solves Rᵀ x = b in place, row by row of R (contiguous in memory).</summary>
    private void ForwardSolve(double[] x)
    {
        var s = x.Length;
        for (var a = 0; a < s; a++)
        {
            var row = _r.AsSpan(a * _n, s);
            var value = x[a] / row[a];
            x[a] = value;
            for (var b = a + 1; b < s; b++)
            {
                x[b] -= row[b] * value;
            }
        }
    }

    /// <summary>Solves R x = b in place.</summary>
    private void BackSolve(double[] x)
    {
        var s = x.Length;
        for (var i = s - 1; i >= 0; i--)
        {
            var row = _r.AsSpan(i * _n, s);
            var sum = x[i];
            for (var b = i + 1; b < s; b++)
            {
                sum -= row[b] * x[b];
            }

            x[i] = sum / row[i];
        }
    }

    /// <summary>Wolfe's minor cycles: move to the affine minimiser of the corral, dropping panels whose weight reaches zero on the way.</summary>
    private void MinorCycles()
    {
        while (true)
        {
            var s = _corral.Count;
            // α ∝ M⁻¹ 1 with M = RᵀR.
            var alpha = new double[s];
            Array.Fill(alpha, 1.0);
            ForwardSolve(alpha);
            BackSolve(alpha);
            var total = alpha.Sum();
            for (var i = 0; i < s; i++)
            {
                alpha[i] /= total;
            }

            if (alpha.All(a => a > 1e-13))
            {
                for (var i = 0; i < s; i++)
                {
                    _lambda[i] = alpha[i];
                }

                return;
            }

            // Step from λ towards α until the first weight reaches zero; that panel leaves (and any other at zero).
            var theta = 1.0;
            var leaving = -1;
            for (var i = 0; i < s; i++)
            {
                if (alpha[i] <= 1e-13 && _lambda[i] - alpha[i] > 0)
                {
                    var step = _lambda[i] / (_lambda[i] - alpha[i]);
                    if (leaving < 0 || step < theta)
                    {
                        (theta, leaving) = (step, i);
                    }
                }
            }

            if (leaving < 0)
            {
                // Round-off: α has a zero weight where λ has none either; take α as it is.
                for (var i = 0; i < s; i++)
                {
                    _lambda[i] = Math.Max(0, alpha[i]);
                }

                leaving = Enumerable.Range(0, s).MinBy(i => alpha[i]);
            }
            else
            {
                for (var i = 0; i < s; i++)
                {
                    _lambda[i] += theta * (alpha[i] - _lambda[i]);
                }
            }

            for (var i = s - 1; i >= 0; i--)
            {
                if (i == leaving || _lambda[i] <= 0)
                {
                    Remove(i);
                }
            }

            if (_corral.Count == 0)
            {
                return;
            }

            var kept = _lambda.Sum();
            for (var i = 0; i < _lambda.Count; i++)
            {
                _lambda[i] /= kept;
            }
        }
    }

    /// <summary>Removes corral member i: drops column i of R and restores the triangle with Givens rotations.</summary>
    private void Remove(int i)
    {
        _drops++;
        var s = _corral.Count;
        for (var a = 0; a < s; a++)
        {
            // Row a holds entries from column a on (a − 1 once shifted): move columns i + 1 … s − 1 one to the left.
            var from = Math.Max(i, a - 1);
            if (from < s - 1)
            {
                Array.Copy(_r, (a * _n) + from + 1, _r, (a * _n) + from, s - 1 - from);
            }

            _r[(a * _n) + s - 1] = 0;
        }

        // Column b (b ≥ i) now has a sub-diagonal entry at row b + 1: rotate rows b and b + 1.
        for (var b = i; b < s - 1; b++)
        {
            var upper = _r.AsSpan(b * _n, s - 1);
            var lower = _r.AsSpan((b + 1) * _n, s - 1);
            var (x, y) = (upper[b], lower[b]);
            var norm = Math.Sqrt((x * x) + (y * y));
            var (c, sn) = norm == 0 ? (1.0, 0.0) : (x / norm, y / norm);
            for (var col = b; col < s - 1; col++)
            {
                var (u, v) = (upper[col], lower[col]);
                upper[col] = (c * u) + (sn * v);
                lower[col] = (-sn * u) + (c * v);
            }

            lower[b] = 0;
        }

        Array.Clear(_r, (s - 1) * _n, s);
        _corral.RemoveAt(i);
        _lambda.RemoveAt(i);
    }

    private void Mix(double[] mixture)
    {
        Array.Clear(mixture);
        for (var i = 0; i < _corral.Count; i++)
        {
            var w = _lambda[i];
            var support = _support[_corral[i]];
            var counts = _counts[_corral[i]];
            for (var r = 0; r < support.Length; r++)
            {
                mixture[support[r]] += w * counts[r];
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
}
