namespace Reflexes.Web.Modules.Outreach.Domain;

/// <summary>The kind of answer a script question expects.</summary>
public enum ScriptAnswerKind
{
    YesNo,
    Choice,
    Number,
    Text,
}

/// <summary>One question of a call script, asked in order, with the kind of answer it expects.</summary>
public sealed record ScriptQuestion(string Text, ScriptAnswerKind Kind, IReadOnlyList<string> Choices)
{
    public const int TextMaxLength = 500;
    public const int AnswerMaxLength = 1000;

    /// <summary>The answer normalised for storage, or null when it does not fit the question (empty answers are allowed: the person may not answer).</summary>
    public string? Normalise(string? raw)
    {
        var value = raw?.Trim() ?? "";
        if (value.Length == 0)
        {
            return "";
        }

        return Kind switch
        {
            ScriptAnswerKind.YesNo => value is "yes" or "no" ? value : null,
            ScriptAnswerKind.Choice => Choices.Contains(value, StringComparer.Ordinal) ? value : null,
            ScriptAnswerKind.Number => decimal.TryParse(value.Replace(',', '.'), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var n)
                ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            _ => value.Length <= AnswerMaxLength ? value : null,
        };
    }
}

/// <summary>What the caller reads and asks: an introduction, ordered questions, a closing.</summary>
public sealed record CampaignScript(string Introduction, IReadOnlyList<ScriptQuestion> Questions, string Closing)
{
    public const int TextMaxLength = 4000;
    public const int MaxQuestions = 20;
}
