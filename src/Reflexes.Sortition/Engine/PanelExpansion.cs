namespace Reflexes.Sortition.Engine;

/// <summary>
/// Turns a lottery over type-level panels into a lottery over panels of named people with the same
/// probability for every member of a type. In a panel with x of the c people of a type, the type's members
/// sit on a circle and take turns: with g = gcd(x, c) there are c/g windows of x consecutive people starting
/// at multiples of g, each window equally likely, so each member sits in x/g of the c/g windows — exactly
/// x/c. All types read the same uniform number u to choose their window, so a panel of probability p splits
/// into sub-panels at the union of the points m·g/c; identical sub-panels are then merged.
/// </summary>
internal static class PanelExpansion
{
    public static List<SelectedPanel> Expand(TypeModel model, TypeDistribution distribution)
    {
        var merged = new Dictionary<string, (int[] Members, double Probability)>(StringComparer.Ordinal);
        for (var j = 0; j < distribution.Panels.Count; j++)
        {
            var panel = distribution.Panels[j];
            var probability = distribution.PanelProbabilities[j];
            var windows = new Dictionary<int, int>();
            for (var t = 0; t < panel.Length; t++)
            {
                var c = model.Members[t].Length;
                if (panel[t] > 0 && panel[t] < c)
                {
                    windows[t] = c / Gcd(panel[t], c);
                }
            }

            var cuts = Breakpoints(windows.Values.Distinct());
            for (var i = 0; i < cuts.Count - 1; i++)
            {
                var u = (cuts[i] + cuts[i + 1]) / 2;
                var members = new List<int>(model.K);
                for (var t = 0; t < panel.Length; t++)
                {
                    var x = panel[t];
                    if (x == 0)
                    {
                        continue;
                    }

                    var people = model.Members[t];
                    var c = people.Length;
                    if (x == c)
                    {
                        members.AddRange(people);
                        continue;
                    }

                    var count = windows[t];
                    var g = c / count;
                    var start = (int)Math.Floor(u * count) * g;
                    for (var k = 0; k < x; k++)
                    {
                        members.Add(people[(start + k) % c]);
                    }
                }

                members.Sort();
                var key = string.Join(",", members);
                var share = probability * (cuts[i + 1] - cuts[i]);
                merged[key] = merged.TryGetValue(key, out var existing)
                    ? (existing.Members, existing.Probability + share)
                    : ([.. members], share);
            }
        }

        return [.. merged.Values.Select(v => new SelectedPanel(v.Probability, v.Members))];
    }

    private static List<double> Breakpoints(IEnumerable<int> denominators)
    {
        var fractions = new List<(long Numerator, long Denominator)> { (0, 1), (1, 1) };
        foreach (var d in denominators)
        {
            for (var m = 1; m < d; m++)
            {
                fractions.Add((m, d));
            }
        }

        fractions.Sort((a, b) => (a.Numerator * b.Denominator).CompareTo(b.Numerator * a.Denominator));
        var cuts = new List<double>();
        (long Numerator, long Denominator)? previous = null;
        foreach (var f in fractions)
        {
            if (previous is { } p && p.Numerator * f.Denominator == f.Numerator * p.Denominator)
            {
                continue;
            }

            cuts.Add((double)f.Numerator / f.Denominator);
            previous = f;
        }

        return cuts;
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
