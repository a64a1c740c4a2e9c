namespace Reflexes.Matching.Model;

/// <summary>Mission priorities and the weight of one filled place in the coverage objective.</summary>
public static class Priorities
{
    public const int Essential = 1;
    public const int Important = 2;
    public const int Normal = 3;

    public static bool IsValid(int priority) => priority is >= Essential and <= Normal;

    public static int Weight(int priority) => priority switch
    {
        Essential => 100,
        Important => 10,
        Normal => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "Priority must be 1, 2 or 3."),
    };
}
