using FsCheck.Xunit;
using Reflexes.Sortition.Engine;

namespace Reflexes.Sortition.Tests;

/// <summary>
/// Wolfe's minimum-norm-point search (ADR 0208) writes the relaxed leximin's expected head counts as a lottery over
/// panels; when it gets there, its lottery is the answer. What it returns must be real panels, a real lottery, and the
/// same probabilities as the other routes.
/// </summary>
public sealed class MinNormPointSearchTests
{
    private static readonly SelectionOptions FirstOrderSearch = new() { MinNormPoint = false };

    [Property(MaxTest = 80)]
    public void Min_norm_point_search_returns_distinct_valid_panels_and_a_lottery_over_them(int seed)
    {
        var (pool, k) = RandomPools.Small(seed, maxPeople: 20);
        if (BruteForceFree.HasNoPanel(pool, k))
        {
            return;
        }

        var (model, pricer, selectable) = Prepare(pool, k);
        var relaxed = new RelaxedLeximin(model, selectable).Solve(CancellationToken.None);
        var first = pricer.Best(new double[model.TypeCount], CancellationToken.None)!;
        var search = new MinNormPointSearch(model, pricer, selectable, relaxed);

        var panels = search.Search([first], CancellationToken.None);
        var lottery = search.Lottery();

        panels.ShouldNotBeEmpty();
        panels.ShouldAllBe(p => model.IsValidPanel(p));
        panels.Select(p => string.Join(',', p)).Distinct().Count().ShouldBe(panels.Count);
        search.Supported.ShouldBeInRange(1, panels.Count);
        lottery.Panels.ShouldAllBe(p => model.IsValidPanel(p));
        lottery.PanelProbabilities.ShouldAllBe(p => p > 0);
        lottery.PanelProbabilities.Sum().ShouldBe(1, 1e-12);
        for (var t = 0; t < model.TypeCount; t++)
        {
            var probability = Enumerable.Range(0, lottery.Panels.Count).Sum(j => lottery.PanelProbabilities[j] * lottery.Panels[j][t]) / model.Members[t].Length;
            lottery.TypeProbabilities[t].ShouldBe(probability, 1e-12);
            if (search.Residual < search.StopResidual)
            {
                lottery.TypeProbabilities[t].ShouldBe(selectable[t] ? relaxed[t] : 0, 1e-8, $"type {t}");
            }
        }
    }

    [Property(MaxTest = 80)]
    public void Min_norm_point_search_and_the_first_order_search_give_the_same_probabilities(int seed)
    {
        var (pool, k) = RandomPools.Small(seed, maxPeople: 24);
        if (BruteForceFree.HasNoPanel(pool, k))
        {
            return;
        }

        var wolfe = SortitionEngine.Select(pool, k, false, SelectionAlgorithm.Leximin);
        var firstOrder = SortitionEngine.Select(pool, k, false, SelectionAlgorithm.Leximin, FirstOrderSearch);

        Invariants.Check(wolfe);
        Invariants.Check(firstOrder);
        for (var i = 0; i < pool.People.Count; i++)
        {
            wolfe.Probabilities[i].ShouldBe(firstOrder.Probabilities[i], 1e-6, $"person {i} ({wolfe.Details})");
        }
    }

    [Fact]
    public void The_search_lottery_is_returned_on_pools_where_it_reaches_the_relaxation_and_matches_brute_force()
    {
        var checkedPools = 0;
        for (var seed = 0; seed < 200 && checkedPools < 20; seed++)
        {
            var (pool, k) = RandomPools.Small(seed, maxPeople: 12);
            var panels = BruteForce.ValidPanels(pool, k, households: false);
            if (panels.Count == 0)
            {
                continue;
            }

            var result = SortitionEngine.Select(pool, k, false, SelectionAlgorithm.Leximin);
            if (!result.Details.Contains("relaxation reached by the search's lottery", StringComparison.Ordinal))
            {
                continue;
            }

            checkedPools++;
            Invariants.Check(result);
            var expected = BruteForce.Leximin(pool, panels);
            for (var i = 0; i < expected.Length; i++)
            {
                result.Probabilities[i].ShouldBe(expected[i], 1e-6, $"seed {seed}, person {i}");
            }
        }

        checkedPools.ShouldBe(20);
    }

    private static (TypeModel Model, PanelPricer Pricer, bool[] Selectable) Prepare(Pool pool, int k)
    {
        var model = TypeModel.Build(pool, k, households: false);
        var pricer = new PanelPricer(model);
        var selectable = new bool[model.TypeCount];
        foreach (var panel in BruteForce.ValidPanels(pool, k, households: false))
        {
            foreach (var person in panel)
            {
                selectable[model.TypeOf[person]] = true;
            }
        }

        for (var t = 0; t < model.TypeCount; t++)
        {
            if (!selectable[t])
            {
                pricer.Exclude(t);
            }
        }

        return (model, pricer, selectable);
    }
}
