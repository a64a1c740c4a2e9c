namespace Reflexes.Sortition.Engine;

/// <summary>
/// The greedy procedure used before 2021 (the Sortition Foundation's original algorithm, re-implemented from
/// its description): repeatedly take the quota value whose unmet minimum is largest relative to the people
/// still available with it, pick one of them uniformly at random, then drop everyone whose value has reached
/// its maximum (and, under the household rule, the person's housemates). A draw that gets stuck is restarted.
/// </summary>
internal sealed class LegacySelector(TypeModel model, bool[] selectable)
{
    private const int AttemptsPerDraw = 1_000;

    public int Failures { get; private set; }

    public int[]? Draw(Random random)
    {
        for (var attempt = 0; attempt < AttemptsPerDraw; attempt++)
        {
            var panel = TryDraw(random);
            if (panel is not null)
            {
                return panel;
            }

            Failures++;
        }

        return null;
    }

    private int[]? TryDraw(Random random)
    {
        var pool = model.Pool;
        var n = pool.People.Count;
        var categories = pool.Categories.Count;
        var features = model.FeatureCount;
        var lists = new int[features][];
        var counts = new int[features];
        var position = new int[n * categories];
        var alive = new bool[n];
        var aliveCount = 0;
        var sizes = new int[features];
        for (var i = 0; i < n; i++)
        {
            if (!selectable[model.TypeOf[i]])
            {
                continue;
            }

            foreach (var f in model.TypeFeatures[model.TypeOf[i]])
            {
                sizes[f]++;
            }
        }

        for (var f = 0; f < features; f++)
        {
            lists[f] = new int[sizes[f]];
        }

        for (var i = 0; i < n; i++)
        {
            if (!selectable[model.TypeOf[i]])
            {
                continue;
            }

            alive[i] = true;
            aliveCount++;
            var typeFeatures = model.TypeFeatures[model.TypeOf[i]];
            for (var c = 0; c < categories; c++)
            {
                var f = typeFeatures[c];
                position[(i * categories) + c] = counts[f];
                lists[f][counts[f]++] = i;
            }
        }

        var selected = new int[features];
        var panel = new List<int>(model.K);
        var best = new List<int>();
        while (panel.Count < model.K)
        {
            if (aliveCount == 0)
            {
                return null;
            }

            best.Clear();
            var bestRatio = double.NegativeInfinity;
            for (var f = 0; f < features; f++)
            {
                var need = model.FeatureMin[f] - selected[f];
                if (need > counts[f])
                {
                    return null;
                }

                if (counts[f] == 0)
                {
                    continue;
                }

                var ratio = (double)need / counts[f];
                if (ratio > bestRatio + 1e-12)
                {
                    bestRatio = ratio;
                    best.Clear();
                    best.Add(f);
                }
                else if (ratio >= bestRatio - 1e-12)
                {
                    best.Add(f);
                }
            }

            var chosenFeature = best[random.Next(best.Count)];
            var person = lists[chosenFeature][random.Next(counts[chosenFeature])];
            panel.Add(person);
            Remove(person);
            foreach (var f in model.TypeFeatures[model.TypeOf[person]])
            {
                selected[f]++;
                if (selected[f] >= model.FeatureMax[f])
                {
                    while (counts[f] > 0)
                    {
                        Remove(lists[f][counts[f] - 1]);
                    }
                }
            }

            var household = pool.People[person].Household;
            if (model.Households.Length > 0 && household is not null)
            {
                for (var i = 0; i < n; i++)
                {
                    if (alive[i] && pool.People[i].Household == household)
                    {
                        Remove(i);
                    }
                }
            }
        }

        for (var f = 0; f < features; f++)
        {
            if (selected[f] < model.FeatureMin[f])
            {
                return null;
            }
        }

        panel.Sort();
        return [.. panel];

        void Remove(int person)
        {
            alive[person] = false;
            aliveCount--;
            var typeFeatures = model.TypeFeatures[model.TypeOf[person]];
            for (var c = 0; c < categories; c++)
            {
                var f = typeFeatures[c];
                var at = position[(person * categories) + c];
                var last = lists[f][--counts[f]];
                lists[f][at] = last;
                position[(last * categories) + c] = at;
            }
        }
    }
}
