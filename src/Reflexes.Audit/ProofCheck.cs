namespace Reflexes.Audit;

/// <summary>The outcome of checking a proof: valid, or invalid with the reason.</summary>
public readonly record struct ProofCheck(bool IsValid, string? Failure)
{
    public static ProofCheck Valid { get; } = new(true, null);

    public static ProofCheck Invalid(string failure) => new(false, failure);
}
