namespace Reflexes.Web.Modules.Territory.Domain;

/// <summary>The words used for organisation kinds in files and forms (English and French accepted).</summary>
public static class OrganisationKinds
{
    private static readonly Dictionary<string, OrganisationKind> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["local-government"] = OrganisationKind.LocalGovernment,
        ["collectivite"] = OrganisationKind.LocalGovernment,
        ["collectivité"] = OrganisationKind.LocalGovernment,
        ["service"] = OrganisationKind.Service,
        ["association"] = OrganisationKind.Association,
        ["public-body"] = OrganisationKind.PublicBody,
        ["organisme-public"] = OrganisationKind.PublicBody,
    };

    public static bool TryParse(string? word, out OrganisationKind kind) =>
        Words.TryGetValue(word?.Trim() ?? "", out kind);

    public static string ToWord(OrganisationKind kind) => kind switch
    {
        OrganisationKind.LocalGovernment => "local-government",
        OrganisationKind.Service => "service",
        OrganisationKind.Association => "association",
        OrganisationKind.PublicBody => "public-body",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
