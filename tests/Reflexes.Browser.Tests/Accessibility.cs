using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Reflexes.Browser.Tests;

/// <summary>Runs axe-core on the page as it is now and fails on any serious or critical violation.</summary>
internal static class Accessibility
{
    private static readonly string[] Blocking = ["serious", "critical"];

    public static async Task ShouldHaveNoSeriousViolationsAsync(this IPage page)
    {
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });
        var blocking = results.Violations
            .Where(v => Blocking.Contains(v.Impact))
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")
            .ToList();
        blocking.ShouldBeEmpty($"axe found serious or critical violations on {page.Url}");
        results.Passes.Length.ShouldBeGreaterThan(0, $"axe checked nothing on {page.Url}");
    }
}
