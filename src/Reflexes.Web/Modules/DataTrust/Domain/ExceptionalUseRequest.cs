namespace Reflexes.Web.Modules.DataTrust.Domain;

/// <summary>What an agent asks the data board for: a use of personal data that no purpose in the register covers.</summary>
public sealed record ExceptionalUseRequest(
    string Title,
    string Justification,
    string SourcePurposeCode,
    string DataCategories,
    string Scope,
    int PeopleConcerned,
    DateOnly StartsOn,
    DateOnly EndsOn)
{
    public const int MaxDays = 92;

    /// <summary>Each problem as (field, message key).</summary>
    public IReadOnlyList<(string Field, string Key)> Validate(DateOnly today)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length > 200)
        {
            errors.Add((nameof(Title), "exceptional.error.title"));
        }

        if (string.IsNullOrWhiteSpace(Justification) || Justification.Trim().Length is < 20 or > 4000)
        {
            errors.Add((nameof(Justification), "exceptional.error.justification"));
        }

        if (string.IsNullOrWhiteSpace(SourcePurposeCode))
        {
            errors.Add((nameof(SourcePurposeCode), "exceptional.error.source"));
        }

        if (string.IsNullOrWhiteSpace(DataCategories) || DataCategories.Trim().Length > 2000)
        {
            errors.Add((nameof(DataCategories), "exceptional.error.categories"));
        }

        if (string.IsNullOrWhiteSpace(Scope) || Scope.Trim().Length > 1000)
        {
            errors.Add((nameof(Scope), "exceptional.error.scope"));
        }

        if (PeopleConcerned is < 1 or > 10_000_000)
        {
            errors.Add((nameof(PeopleConcerned), "exceptional.error.people"));
        }

        if (StartsOn < today)
        {
            errors.Add((nameof(StartsOn), "exceptional.error.starts"));
        }

        if (EndsOn < StartsOn || EndsOn.DayNumber - StartsOn.DayNumber + 1 > MaxDays)
        {
            errors.Add((nameof(EndsOn), "exceptional.error.ends"));
        }

        return errors;
    }
}
