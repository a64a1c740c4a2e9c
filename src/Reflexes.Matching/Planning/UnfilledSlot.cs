namespace Reflexes.Matching.Planning;

/// <summary>A slot that keeps empty places in the optimal plan, and why.</summary>
public sealed record UnfilledSlot(string Slot, int Places, UnfilledReason Reason, string Explanation);
