using FsCheck.Xunit;
using Reflexes.Sortition.Engine;

namespace Reflexes.Sortition.Tests;

/// <summary>The residual panel search (ADR 0207) only seeds the exact certification: what it returns must be real, distinct panels.</summary>
public sealed class ResidualPanelSearchTests
{
    [Property(MaxTest = 60)]
    public void Residual_search_returns_distinct_valid_panels_with_the_weighted_ones_first(int seed)
    {
        var (pool, k) = RandomPools.Small(seed, maxPeople: 16);
        if (BruteForceFree.HasNoPanel(pool, k))
        {
            return;
        }

        var model = TypeModel.Build(pool, k, households: false);
        var pricer = new PanelPricer(model);
        var valid = BruteForce.ValidPanels(pool, k, households: false);
        var selectable = new bool[model.TypeCount];
        foreach (var panel in valid)
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

        var relaxed = new RelaxedLeximin(model, selectable).Solve(CancellationToken.None);
        var first = pricer.Best(new double[model.TypeCount], CancellationToken.None)!;
        var search = new ResidualPanelSearch(model, pricer, selectable, relaxed);

        var panels = search.Search([first], CancellationToken.None);

        panels.ShouldNotBeEmpty();
        panels.ShouldAllBe(p => model.IsValidPanel(p));
        panels.Select(p => string.Join(',', p)).Distinct().Count().ShouldBe(panels.Count);
        search.Supported.ShouldBeInRange(1, panels.Count);
        search.Residual.ShouldBeLessThan(1.0 + 1e-9);
    }
}
