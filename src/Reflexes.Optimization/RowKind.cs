namespace Reflexes.Optimization;

/// <summary>How a row's left-hand side compares with its right-hand side.</summary>
public enum RowKind
{
    LessOrEqual,
    Equal,
    GreaterOrEqual,
}
