using Reflexes.Matching.Planning;

namespace Reflexes.Matching.Tests.Planning;

/// <summary>Volunteers laid out along a Hilbert curve: the order and the curve itself.</summary>
public sealed class SpatialOrderTests
{
    private const int Side = 1 << 16;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(17)]
    [InlineData(1000)]
    public void The_order_is_a_permutation_of_the_points_and_the_same_on_every_call(int count)
    {
        var random = new Random(count);
        var lat = Enumerable.Range(0, count).Select(_ => 45 + random.NextDouble()).ToArray();
        var lon = Enumerable.Range(0, count).Select(_ => 4 + random.NextDouble()).ToArray();

        var order = SpatialOrder.Of(count, i => lat[i], i => lon[i]);

        order.Order().ShouldBe(Enumerable.Range(0, count));
        SpatialOrder.Of(count, i => lat[i], i => lon[i]).ShouldBe(order);
    }

    [Fact]
    public void No_points_give_an_empty_order() =>
        SpatialOrder.Of(0, _ => throw new InvalidOperationException(), _ => throw new InvalidOperationException()).ShouldBeEmpty();

    [Fact]
    public void Equal_points_keep_their_index_order()
    {
        SpatialOrder.Of(1, _ => 45.75, _ => 4.85).ShouldBe([0]);
        SpatialOrder.Of(50, _ => 45.75, _ => 4.85).ShouldBe(Enumerable.Range(0, 50));
    }

    [Fact]
    public void Points_on_one_line_and_repeated_points_still_give_a_permutation()
    {
        var order = SpatialOrder.Of(40, i => 45.0 + (i % 4 * 0.01), _ => 4.85);

        order.Order().ShouldBe(Enumerable.Range(0, 40));
        for (var group = 0; group < 4; group++)
        {
            // Equal points sit together, in index order.
            var at = order.Index().Where(e => e.Item % 4 == group).ToList();
            at.Select(e => e.Item).ShouldBe(Enumerable.Range(0, 10).Select(k => (4 * k) + group));
            at.Select(e => e.Index).ShouldBe(Enumerable.Range(at[0].Index, 10));
        }
    }

    [Fact]
    public void Points_follow_the_curve_position_of_their_cell_in_the_bounding_box_and_ties_their_index()
    {
        // Coordinates on the grid itself, with two opposite corners present, so each point's cell is exactly (lon, lat).
        var random = new Random(16);
        var cells = new List<(int X, int Y)> { (0, 0), (Side - 1, Side - 1) };
        for (var i = 0; i < 500; i++)
        {
            var cell = (random.Next(Side), random.Next(Side));
            cells.Add(cell);
            if (random.Next(10) == 0)
            {
                cells.Add(cell);
            }
        }

        cells = [.. cells.OrderBy(_ => random.Next())];

        var order = SpatialOrder.Of(cells.Count, i => cells[i].Y, i => cells[i].X);

        var expected = Enumerable.Range(0, cells.Count).OrderBy(i => SpatialOrder.HilbertIndex(cells[i].X, cells[i].Y)).ThenBy(i => i);
        order.ShouldBe(expected);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void On_a_small_grid_the_curve_visits_each_cell_once_moving_to_a_neighbour_each_step(int bits)
    {
        // On the 2^bits grid in the corner the higher levels of the curve only swap the axes: it is a Hilbert curve of its own.
        var side = 1 << bits;
        var cellAt = new (int X, int Y)?[side * side];
        for (var x = 0; x < side; x++)
        {
            for (var y = 0; y < side; y++)
            {
                var d = SpatialOrder.HilbertIndex(x, y);
                d.ShouldBeInRange(0, (side * side) - 1);
                cellAt[d].ShouldBeNull($"cells {cellAt[d]} and ({x}, {y}) share position {d}");
                cellAt[d] = (x, y);
            }
        }

        cellAt[0].ShouldBe((0, 0));
        for (var d = 1; d < cellAt.Length; d++)
        {
            var (a, b) = (cellAt[d - 1]!.Value, cellAt[d]!.Value);
            (Math.Abs(a.X - b.X) + Math.Abs(a.Y - b.Y)).ShouldBe(1, $"positions {d - 1} and {d}");
        }
    }

    [Fact]
    public void On_the_whole_grid_each_sampled_cell_has_its_curve_neighbours_among_its_grid_neighbours()
    {
        var random = new Random(65536);
        (int X, int Y)[] steps = [(1, 0), (-1, 0), (0, 1), (0, -1)];
        var last = ((long)Side * Side) - 1;
        for (var i = 0; i < 20_000; i++)
        {
            var (x, y) = (random.Next(Side), random.Next(Side));
            var d = SpatialOrder.HilbertIndex(x, y);
            d.ShouldBeInRange(0, last);
            var around = steps
                .Select(s => (X: x + s.X, Y: y + s.Y))
                .Where(c => c.X is >= 0 and < Side && c.Y is >= 0 and < Side)
                .Select(c => SpatialOrder.HilbertIndex(c.X, c.Y))
                .ToList();
            if (d > 0)
            {
                around.ShouldContain(d - 1, $"cell ({x}, {y}) at {d}");
            }

            if (d < last)
            {
                around.ShouldContain(d + 1, $"cell ({x}, {y}) at {d}");
            }
        }
    }

    [Fact]
    public void On_the_whole_grid_each_aligned_block_is_one_stretch_of_the_curve()
    {
        // A Hilbert curve fills each aligned 2^k block in one go: the block's positions are 4^k consecutive numbers.
        var random = new Random(4);
        for (var bits = 1; bits <= 7; bits++)
        {
            for (var sample = 0; sample < 8; sample++)
            {
                var size = 1 << bits;
                var (bx, by) = (random.Next(Side / size) * size, random.Next(Side / size) * size);
                var positions = new HashSet<long>();
                for (var x = bx; x < bx + size; x++)
                {
                    for (var y = by; y < by + size; y++)
                    {
                        positions.Add(SpatialOrder.HilbertIndex(x, y));
                    }
                }

                var low = positions.Min();
                positions.Count.ShouldBe(size * size);
                (low % (size * size)).ShouldBe(0);
                positions.Max().ShouldBe(low + (size * size) - 1);
            }
        }
    }

    [Fact]
    public void The_curve_starts_and_ends_in_corners_of_the_grid()
    {
        SpatialOrder.HilbertIndex(0, 0).ShouldBe(0);
        new[] { SpatialOrder.HilbertIndex(Side - 1, 0), SpatialOrder.HilbertIndex(0, Side - 1) }.ShouldContain(((long)Side * Side) - 1);
    }
}
