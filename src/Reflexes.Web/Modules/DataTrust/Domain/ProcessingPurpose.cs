namespace Reflexes.Web.Modules.DataTrust.Domain;

/// <summary>
/// One version of a processing purpose in the register (e.g. the heat-wave alert plan). A purpose is
/// never edited in place: a change creates the next version, and where the legal basis is consent,
/// people must agree to that version again.
/// </summary>
public sealed class ProcessingPurpose
{
    public const int MaxCodeLength = 60;

    private ProcessingPurpose()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Stable identifier shared by all versions, used by the modules (e.g. "heatwave-register").</summary>
    public string Code { get; private set; } = "";

    public int Version { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>What is done with the data and why, in words a resident understands.</summary>
    public string Description { get; private set; } = "";

    public LegalBasis LegalBasis { get; private set; }

    /// <summary>Categories of personal data used, one per line (e.g. identity, phone, health situation).</summary>
    public string DataCategories { get; private set; } = "";

    public int RetentionMonths { get; private set; }

    /// <summary>The controller: the body responsible for the processing.</summary>
    public string Controller { get; private set; } = "";

    /// <summary>How long a consent given for this version stays valid, in months (null: until withdrawn).</summary>
    public int? ConsentValidityMonths { get; private set; }

    /// <summary>Whether the data include special categories (health, disability: GDPR article 9).</summary>
    public bool SpecialCategories { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedByUserId { get; private set; } = "";

    public bool RequiresConsent => LegalBasis == LegalBasis.Consent;

    public IReadOnlyList<string> DataCategoryList =>
        DataCategories.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static ProcessingPurpose Create(PurposeTerms terms, string createdByUserId, DateTime nowUtc) =>
        Build(terms, version: 1, createdByUserId, nowUtc);

    /// <summary>The next version of this purpose, with new terms; this version stays as it was.</summary>
    public ProcessingPurpose Revise(PurposeTerms terms, string createdByUserId, DateTime nowUtc)
    {
        if (!string.Equals(terms.Code, Code, StringComparison.Ordinal))
        {
            throw new ArgumentException("A new version keeps the purpose's code.", nameof(terms));
        }

        return Build(terms, Version + 1, createdByUserId, nowUtc);
    }

    public DateTime? ConsentExpiry(DateTime givenAtUtc) =>
        ConsentValidityMonths is { } months ? givenAtUtc.AddMonths(months) : null;

    private static ProcessingPurpose Build(PurposeTerms terms, int version, string createdByUserId, DateTime nowUtc)
    {
        var errors = terms.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(", ", errors.Select(e => e.Field)), nameof(terms));
        }

        return new ProcessingPurpose
        {
            Id = Guid.NewGuid(),
            Code = terms.Code,
            Version = version,
            Title = terms.Title.Trim(),
            Description = terms.Description.Trim(),
            LegalBasis = terms.LegalBasis,
            DataCategories = string.Join('\n', terms.DataCategoryList),
            RetentionMonths = terms.RetentionMonths,
            Controller = terms.Controller.Trim(),
            ConsentValidityMonths = terms.LegalBasis == LegalBasis.Consent ? terms.ConsentValidityMonths : null,
            SpecialCategories = terms.SpecialCategories,
            CreatedAtUtc = nowUtc,
            CreatedByUserId = createdByUserId,
        };
    }
}
