namespace Reflexes.Sortition.Lottery;

/// <summary>Tickets <see cref="First"/>..<see cref="Last"/> (1-based, inclusive) of the uniform lottery all draw this panel.</summary>
public sealed record LotteryTicket(int First, int Last, IReadOnlyList<int> Members)
{
    public int Count => Last - First + 1;
}
