namespace Reflexes.Matching.Reading;

/// <summary>One problem in an input file, with where it is (1-based line and column).</summary>
public sealed record InputError(int Line, int Column, string Message)
{
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}
