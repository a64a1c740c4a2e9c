using System.Text.RegularExpressions;

namespace Reflexes.Web.Modules.DataTrust.Domain;

/// <summary>What the data-protection officer writes for a purpose version, checked before it is registered.</summary>
public sealed partial record PurposeTerms(
    string Code,
    string Title,
    string Description,
    LegalBasis LegalBasis,
    string DataCategories,
    int RetentionMonths,
    string Controller,
    int? ConsentValidityMonths,
    bool SpecialCategories)
{
    public IReadOnlyList<string> DataCategoryList =>
        (DataCategories ?? "").Split(['\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Each problem as (field, message key).</summary>
    public IReadOnlyList<(string Field, string Key)> Validate()
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(Code) || Code.Length > ProcessingPurpose.MaxCodeLength || !CodePattern().IsMatch(Code))
        {
            errors.Add((nameof(Code), "purposes.error.code"));
        }

        if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length > 200)
        {
            errors.Add((nameof(Title), "purposes.error.title"));
        }

        if (string.IsNullOrWhiteSpace(Description) || Description.Trim().Length > 4000)
        {
            errors.Add((nameof(Description), "purposes.error.description"));
        }

        if (!Enum.IsDefined(LegalBasis))
        {
            errors.Add((nameof(LegalBasis), "purposes.error.legal-basis"));
        }

        if (DataCategoryList.Count == 0 || DataCategoryList.Any(c => c.Length > 100))
        {
            errors.Add((nameof(DataCategories), "purposes.error.categories"));
        }

        if (RetentionMonths is < 1 or > 1200)
        {
            errors.Add((nameof(RetentionMonths), "purposes.error.retention"));
        }

        if (string.IsNullOrWhiteSpace(Controller) || Controller.Trim().Length > 200)
        {
            errors.Add((nameof(Controller), "purposes.error.controller"));
        }

        if (LegalBasis == LegalBasis.Consent && ConsentValidityMonths is < 1 or > 120)
        {
            errors.Add((nameof(ConsentValidityMonths), "purposes.error.validity"));
        }

        return errors;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();
}
