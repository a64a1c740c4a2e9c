namespace Reflexes.Sortition.Lottery;

/// <summary>
/// A uniform lottery over N numbered tickets, each naming a panel, that approximates an optimal lottery
/// ("Fair Sortition Made Transparent", Flanigan, Kehne and Procaccia, NeurIPS 2021): a public draw then
/// only needs one uniformly random number between 1 and N.
/// </summary>
/// <param name="Probabilities">Each person's probability under the uniform lottery (tickets holding them / N).</param>
/// <param name="Optimum">Each person's probability under the distribution that was rounded.</param>
/// <param name="Bounds">
/// Each person's guaranteed bound: every panel gets ⌊N·p⌋ or ⌈N·p⌉ tickets, so a person's probability moves by
/// less than (number of their panels whose N·p is fractional) / N, and never by more than the
/// rounding actually produced, which is also stated (<see cref="MaxDeviation"/>).
/// </param>
public sealed record UniformLottery(
    int TicketCount,
    IReadOnlyList<LotteryTicket> Tickets,
    IReadOnlyList<double> Probabilities,
    IReadOnlyList<double> Optimum,
    IReadOnlyList<double> Bounds)
{
    public double MaxDeviation => Probabilities.Select((p, i) => Math.Abs(p - Optimum[i])).DefaultIfEmpty(0).Max();

    public double MaxBound => Bounds.DefaultIfEmpty(0).Max();

    /// <summary>
    /// Rounds the panel probabilities to multiples of 1/N. Each panel keeps ⌊N·p⌋ tickets; the remaining tickets go,
    /// one at a time, to the fractional panel that most reduces the sum of squared deviations of its members
    /// (a deterministic dependent rounding, so the same result file always gives the same lottery);
    /// then swaps between rounded-up and rounded-down panels are made while they lower the largest deviation.
    /// </summary>
    public static UniformLottery Round(IReadOnlyList<SelectedPanel> panels, int people, int tickets, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tickets, 1);
        var scaled = panels.Select(p => p.Probability * tickets).ToArray();
        var counts = scaled.Select(s => (int)Math.Floor(s + 1e-9)).ToArray();
        var optimum = new double[people];
        foreach (var panel in panels)
        {
            foreach (var m in panel.Members)
            {
                optimum[m] += panel.Probability;
            }
        }

        // deviation[i] = tickets holding i − N·optimum[i], in tickets.
        var deviation = new double[people];
        var fractionalPanels = new int[people];
        for (var j = 0; j < panels.Count; j++)
        {
            var fractional = scaled[j] - counts[j] > 1e-9;
            foreach (var m in panels[j].Members)
            {
                deviation[m] += counts[j] - scaled[j];
                fractionalPanels[m] += fractional ? 1 : 0;
            }
        }

        var remaining = tickets - counts.Sum();
        var roundedUp = new bool[panels.Count];
        for (var r = 0; r < remaining; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var best = -1;
            var bestScore = double.PositiveInfinity;
            for (var j = 0; j < panels.Count; j++)
            {
                if (roundedUp[j] || scaled[j] - counts[j] <= 1e-9)
                {
                    continue;
                }

                var score = 0.0;
                foreach (var m in panels[j].Members)
                {
                    score += (2 * deviation[m]) + 1;
                }

                if (score < bestScore)
                {
                    bestScore = score;
                    best = j;
                }
            }

            if (best < 0)
            {
                break;
            }

            roundedUp[best] = true;
            counts[best]++;
            foreach (var m in panels[best].Members)
            {
                deviation[m] += 1;
            }
        }

        ImproveBySwaps(panels, scaled, counts, roundedUp, deviation, cancellationToken);
        var list = new List<LotteryTicket>();
        var next = 1;
        for (var j = 0; j < panels.Count; j++)
        {
            if (counts[j] > 0)
            {
                list.Add(new LotteryTicket(next, next + counts[j] - 1, panels[j].Members));
                next += counts[j];
            }
        }

        var probabilities = new double[people];
        foreach (var ticket in list)
        {
            foreach (var m in ticket.Members)
            {
                probabilities[m] += (double)ticket.Count / tickets;
            }
        }

        var bounds = fractionalPanels.Select(f => (double)f / tickets).ToArray();
        return new UniformLottery(tickets, list, probabilities, optimum, bounds);
    }

    private static void ImproveBySwaps(IReadOnlyList<SelectedPanel> panels, double[] scaled, int[] counts, bool[] roundedUp, double[] deviation, CancellationToken cancellationToken)
    {
        for (var pass = 0; pass < 20; pass++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var worst = 0;
            for (var i = 1; i < deviation.Length; i++)
            {
                if (Math.Abs(deviation[i]) > Math.Abs(deviation[worst]))
                {
                    worst = i;
                }
            }

            var current = Math.Abs(deviation[worst]);
            var improved = false;
            // Move one ticket away from (or towards) a panel holding the worst-off person.
            var giveUp = deviation[worst] > 0;
            for (var a = 0; a < panels.Count && !improved; a++)
            {
                if (roundedUp[a] != giveUp || !panels[a].Members.Contains(worst))
                {
                    continue;
                }

                for (var b = 0; b < panels.Count && !improved; b++)
                {
                    if (roundedUp[b] == giveUp || scaled[b] - Math.Floor(scaled[b] + 1e-9) <= 1e-9 || panels[b].Members.Contains(worst))
                    {
                        continue;
                    }

                    var sign = giveUp ? -1 : 1;
                    var trial = (double[])deviation.Clone();
                    foreach (var m in panels[a].Members)
                    {
                        trial[m] += sign;
                    }

                    foreach (var m in panels[b].Members)
                    {
                        trial[m] -= sign;
                    }

                    if (trial.Max(Math.Abs) < current - 1e-12)
                    {
                        Array.Copy(trial, deviation, deviation.Length);
                        counts[a] += sign;
                        counts[b] -= sign;
                        roundedUp[a] = !roundedUp[a];
                        roundedUp[b] = !roundedUp[b];
                        improved = true;
                    }
                }
            }

            if (!improved)
            {
                return;
            }
        }
    }
}
