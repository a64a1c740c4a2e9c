using System.Globalization;

namespace Reflexes.Web.Modules.Outreach.Domain;

/// <summary>
/// Combines two records of the same person field by field, as the reviewing agent chose: each field
/// comes from the kept record or the absorbed one; an empty field takes the other's value unless told
/// otherwise. Says where each field came from and what was set aside.
/// </summary>
public static class RegistrantMerging
{
    public const string Kept = "kept";
    public const string Absorbed = "absorbed";

    public static readonly IReadOnlyList<string> Fields =
        ["FirstName", "LastName", "BirthDate", "Address", "Phone", "OtherPhone", "AlertContact", "Ground"];

    public sealed record Result(RegistrantDetails Details, IReadOnlyDictionary<string, string> Sources, IReadOnlyDictionary<string, string> SetAside);

    /// <summary>The field's value as shown and compared ("" when empty).</summary>
    public static string Value(RegistrantDetails d, string field) => field switch
    {
        "FirstName" => d.FirstName,
        "LastName" => d.LastName,
        "BirthDate" => d.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "Address" => d.Address,
        "Phone" => d.Phone,
        "OtherPhone" => d.OtherPhone ?? "",
        "AlertContact" => d.AlertContact ?? "",
        "Ground" => d.Ground.ToString(),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>The fields whose values differ, which the agent chooses between.</summary>
    public static IReadOnlyList<string> Differing(RegistrantDetails kept, RegistrantDetails absorbed) =>
        [.. Fields.Where(f => !string.Equals(Value(kept, f).Trim(), Value(absorbed, f).Trim(), StringComparison.Ordinal))];

    /// <summary>The default choice: the kept record's value, or the absorbed one's where the kept record has none.</summary>
    public static string DefaultChoice(RegistrantDetails kept, string field) =>
        string.IsNullOrWhiteSpace(Value(kept, field)) ? Absorbed : Kept;

    public static Result Combine(RegistrantDetails kept, RegistrantDetails absorbed, IReadOnlyDictionary<string, string> choices)
    {
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var setAside = new Dictionary<string, string>(StringComparer.Ordinal);
        var differing = Differing(kept, absorbed);
        foreach (var field in Fields)
        {
            if (!differing.Contains(field))
            {
                sources[field] = "both";
                continue;
            }

            var choice = choices.TryGetValue(field, out var c) && c is Kept or Absorbed ? c : DefaultChoice(kept, field);
            sources[field] = choice;
            var other = choice == Kept ? Value(absorbed, field) : Value(kept, field);
            if (!string.IsNullOrWhiteSpace(other))
            {
                setAside[field] = other;
            }
        }

        RegistrantDetails From(string field) => sources[field] == Absorbed ? absorbed : kept;
        var details = new RegistrantDetails(
            From("FirstName").FirstName,
            From("LastName").LastName,
            From("BirthDate").BirthDate,
            From("Address").Address,
            From("Address").NeighbourhoodId ?? kept.NeighbourhoodId ?? absorbed.NeighbourhoodId,
            From("Phone").Phone,
            From("OtherPhone").OtherPhone,
            From("AlertContact").AlertContact,
            From("Ground").Ground);
        return new Result(details, sources, setAside);
    }
}
