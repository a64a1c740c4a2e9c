using Reflexes.Matching.Flow;

namespace Reflexes.Matching.Tests.Flow;

/// <summary>The parallel scans of cost scaling and of core pricing return what a single pass would, in its order.</summary>
public sealed class InPartsTests
{
    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 4)]
    [InlineData(7, 3)]
    [InlineData(100_000, 1)]
    [InlineData(100_000, 2)]
    [InlineData(100_003, 4)]
    public void Parts_cover_every_index_once_and_come_back_in_index_order(int count, int parts)
    {
        var found = CostScaling.InParts(count, (from, to, into) =>
        {
            for (var i = from; i < to; i++)
            {
                if (i % 7 == 3)
                {
                    into.Add((i, -i));
                }
            }
        }, parts);

        found.Length.ShouldBe(parts);
        var all = found.SelectMany(part => part).ToList();
        all.ShouldBe(Enumerable.Range(0, count).Where(i => i % 7 == 3).Select(i => (i, -i)).ToList());
    }
}
