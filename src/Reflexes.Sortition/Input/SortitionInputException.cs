namespace Reflexes.Sortition.Input;

/// <summary>A problem in an input file, located by file, line and column (both 1-based; column 0 when the whole line is at fault).</summary>
public sealed class SortitionInputException(string file, int line, int column, string problem)
    : Exception(Describe(file, line, column, problem))
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public int Column { get; } = column;

    public string Problem { get; } = problem;

    private static string Describe(string file, int line, int column, string problem) =>
        line <= 0 ? $"{file}: {problem}"
        : column <= 0 ? $"{file}: line {line}: {problem}"
        : $"{file}: line {line}, column {column}: {problem}";
}
