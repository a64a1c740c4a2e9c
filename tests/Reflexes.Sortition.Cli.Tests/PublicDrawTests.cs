using Reflexes.Sortition.Lottery;

namespace Reflexes.Sortition.Cli.Tests;

public sealed class PublicDrawTests
{
    [Fact]
    public void The_ticket_number_follows_the_documented_procedure()
    {
        // SHA-256("abc") = ba7816bf8f01cfea..., first 8 bytes big-endian = 0xba7816bf8f01cfea (FIPS 180-2 test vector).
        const ulong x = 0xba7816bf8f01cfea;

        PublicDraw.Number("abc", 1000).ShouldBe((int)(x % 1000) + 1);
        PublicDraw.Number("abc", 1).ShouldBe(1);
    }

    [Fact]
    public void Ticket_numbers_are_spread_evenly_over_many_seeds()
    {
        var counts = new int[10];
        for (var s = 0; s < 20_000; s++)
        {
            counts[PublicDraw.Number("seed " + s, 10) - 1]++;
        }

        // Each count is binomial(20000, 0.1): mean 2000, standard deviation ~42; 6 sigma is ~255.
        counts.ShouldAllBe(c => Math.Abs(c - 2000) < 255);
    }
}
