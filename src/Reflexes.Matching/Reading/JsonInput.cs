using System.Text.Json;

namespace Reflexes.Matching.Reading;

/// <summary>Shared pieces of the hand-written JSON readers: positions, error collection and typed values.</summary>
internal sealed class JsonInput(ReadOnlyMemory<byte> utf8, string input)
{
    public const int MaxErrors = 100;

    private readonly TextPositions _positions = new(utf8);
    private readonly List<InputError> _errors = [];

    public ReadOnlyMemory<byte> Utf8 { get; } = utf8;

    public string Input { get; } = input;

    public bool HasErrors => _errors.Count > 0;

    public IReadOnlyList<InputError> Errors => _errors;

    public static Utf8JsonReader Reader(ReadOnlySpan<byte> utf8) =>
        new(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 16 });

    public (int Line, int Column) Position(long offset) => _positions.At(offset);

    public void Error(long offset, string message)
    {
        if (_errors.Count < MaxErrors)
        {
            var (line, column) = _positions.At(offset);
            _errors.Add(new InputError(line, column, message));
        }
    }

    public void ErrorAt(int line, int column, string message)
    {
        if (_errors.Count < MaxErrors)
        {
            _errors.Add(new InputError(line, column, message));
        }
    }

    public void SyntaxError(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        _errors.Add(new InputError((int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, "not valid JSON: " + message));
    }

    public void ThrowIfErrors()
    {
        if (HasErrors)
        {
            throw new MatchingInputException(Input, [.. _errors.OrderBy(e => e.Line).ThenBy(e => e.Column)]);
        }
    }

    /// <summary>Problems found inside one array element, reported once its id is known.</summary>
    public sealed class Element(JsonInput owner, string label, long start)
    {
        private readonly List<(long Offset, string? Field, string Message)> _issues = [];
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public long Start { get; } = start;

        public string? Id { get; set; }

        public bool IsValid => _issues.Count == 0;

        public bool FirstTime(string field, long offset)
        {
            if (_seen.Add(field))
            {
                return true;
            }

            Issue(offset, field, "appears twice in the same element");
            return false;
        }

        public bool Has(string field) => _seen.Contains(field);

        public void Require(params string[] fields)
        {
            foreach (var field in fields.Where(f => !_seen.Contains(f)))
            {
                Issue(Start, field, "is missing");
            }
        }

        public void Issue(long offset, string? field, string message) => _issues.Add((offset, field, message));

        public void Report()
        {
            var who = Id is null ? label : $"{label} (id \"{Id}\")";
            foreach (var (offset, field, message) in _issues)
            {
                owner.Error(offset, field is null ? $"{who}: {message}" : $"{who}, field \"{field}\": {message}");
            }
        }

        public string? String(ref Utf8JsonReader reader, string field)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                Issue(reader.TokenStartIndex, field, $"must be a string, not {Describe(reader.TokenType)}");
                reader.Skip();
                return null;
            }

            var value = reader.GetString()!;
            if (value.Trim().Length == 0)
            {
                Issue(reader.TokenStartIndex, field, "must not be empty");
                return null;
            }

            return value;
        }

        public List<string> Strings(ref Utf8JsonReader reader, string field)
        {
            var values = new List<string>();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                Issue(reader.TokenStartIndex, field, $"must be an array of strings, not {Describe(reader.TokenType)}");
                reader.Skip();
                return values;
            }

            var i = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var value = String(ref reader, $"{field}[{i}]");
                if (value is not null)
                {
                    values.Add(value);
                }

                i++;
            }

            return values;
        }

        public double? Number(ref Utf8JsonReader reader, string field, double min, double max)
        {
            if (reader.TokenType != JsonTokenType.Number)
            {
                Issue(reader.TokenStartIndex, field, $"must be a number, not {Describe(reader.TokenType)}");
                reader.Skip();
                return null;
            }

            var value = reader.GetDouble();
            if (!double.IsFinite(value) || value < min || value > max)
            {
                Issue(reader.TokenStartIndex, field, $"must be between {min} and {max} (got {value.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
                return null;
            }

            return value;
        }

        public int? Integer(ref Utf8JsonReader reader, string field, int min, int max, string rule)
        {
            if (reader.TokenType != JsonTokenType.Number)
            {
                Issue(reader.TokenStartIndex, field, $"must be a whole number, not {Describe(reader.TokenType)}");
                reader.Skip();
                return null;
            }

            if (!reader.TryGetInt64(out var value))
            {
                Issue(reader.TokenStartIndex, field, $"must be a whole number (got {System.Text.Encoding.UTF8.GetString(reader.ValueSpan)})");
                return null;
            }

            if (value < min || value > max)
            {
                Issue(reader.TokenStartIndex, field, $"{rule} (got {value})");
                return null;
            }

            return (int)value;
        }
    }

    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
