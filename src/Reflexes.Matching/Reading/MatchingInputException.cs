namespace Reflexes.Matching.Reading;

/// <summary>An input file (instance, plan, confirmed list) that cannot be used, with every problem found.</summary>
public sealed class MatchingInputException : Exception
{
    public MatchingInputException(string input, IReadOnlyList<InputError> errors)
        : base($"{input}: {errors.Count} error(s): " + string.Join("; ", errors.Take(5)))
    {
        Input = input;
        Errors = errors;
    }

    public MatchingInputException()
        : this("input", [])
    {
    }

    public MatchingInputException(string message)
        : base(message)
    {
        Errors = [];
    }

    public MatchingInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>The file (or description of the input) the errors are about.</summary>
    public string Input { get; } = "input";

    public IReadOnlyList<InputError> Errors { get; }
}
