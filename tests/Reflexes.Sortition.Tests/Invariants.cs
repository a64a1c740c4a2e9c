namespace Reflexes.Sortition.Tests;

/// <summary>What every selection result must satisfy, checked from the pool and quotas alone.</summary>
internal static class Invariants
{
    public static void Check(SelectionResult result, bool households = false)
    {
        var pool = result.Pool;
        result.Panels.Sum(p => p.Probability).ShouldBe(1, 1e-9);
        var probabilities = new double[pool.People.Count];
        foreach (var panel in result.Panels)
        {
            panel.Probability.ShouldBeGreaterThan(0);
            panel.Members.Count.ShouldBe(result.K);
            panel.Members.Distinct().Count().ShouldBe(result.K);
            PanelMeetsQuotas(pool, panel.Members).ShouldBeTrue();
            if (households)
            {
                panel.Members.Select(m => pool.People[m].Household).Where(h => h is not null).GroupBy(h => h).ShouldAllBe(g => g.Count() == 1);
            }

            foreach (var m in panel.Members)
            {
                probabilities[m] += panel.Probability;
            }
        }

        for (var i = 0; i < probabilities.Length; i++)
        {
            result.Probabilities[i].ShouldBe(probabilities[i], 1e-12);
        }
    }

    public static bool PanelMeetsQuotas(Pool pool, IReadOnlyList<int> members)
    {
        for (var c = 0; c < pool.Categories.Count; c++)
        {
            for (var v = 0; v < pool.Categories[c].Values.Count; v++)
            {
                var count = members.Count(m => pool.People[m].Values[c] == v);
                if (count < pool.Categories[c].Values[v].Min || count > pool.Categories[c].Values[v].Max)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
