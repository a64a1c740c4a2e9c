using System.Globalization;
using System.Text;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Modules.Reserve.Skills;

namespace Reflexes.Web.Modules.Reserve.Volunteers;

/// <summary>
/// The coordinators' filters on the volunteers list (docs/adr/0326): a skill (held, or a skill under it), a spoken
/// language, a neighbourhood, residents or agents, free on a given half-day (weekly pattern, dated exceptions and hard
/// constraints — not the agent's reassignment windows, which the planning board applies), and a piece of the name
/// (case and accents ignored). Empty criteria match everyone.
/// </summary>
public sealed record VolunteerFilter(
    Guid? Skill, string? Language, Guid? NeighbourhoodId, VolunteerKind? Kind, VolunteerHalfDay? FreeOn, string? Name)
{
    public const int PageSize = 50;

    public bool Matches(VolunteerDesk.Details d, IReadOnlyDictionary<Guid, Guid?> parents)
    {
        ArgumentNullException.ThrowIfNull(d);
        var v = d.Volunteer;
        if (Skill is { } skill && !SkillCatalogue.WithAncestors(d.MainSkills, parents).Contains(skill))
        {
            return false;
        }

        if (!string.IsNullOrEmpty(Language) && !v.LanguageList.Contains(Language, StringComparer.Ordinal))
        {
            return false;
        }

        if (NeighbourhoodId is { } hood && v.NeighbourhoodId != hood)
        {
            return false;
        }

        if (Kind is { } kind && v.Kind != kind)
        {
            return false;
        }

        if (FreeOn is { } half && !VolunteerAvailability.Expand(v.Pattern, v.Never,
                d.Exceptions.Select(e => new VolunteerExceptionDay(e.HalfDay, e.Available)), half.Date, half.Date).Contains(half))
        {
            return false;
        }

        return string.IsNullOrWhiteSpace(Name)
            || CultureInfo.InvariantCulture.CompareInfo.IndexOf(v.FirstName + " " + v.LastName, Name.Trim(), CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0
            || CultureInfo.InvariantCulture.CompareInfo.IndexOf(v.LastName + " " + v.FirstName, Name.Trim(), CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0;
    }

    /// <summary>One CSV field, quoted when it holds a separator, a quote or a line break; a leading formula sign is neutralised.</summary>
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r', ';']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static string Line(IEnumerable<string> fields) => string.Join(',', fields.Select(Field));

    public static byte[] Utf8WithBom(string csv) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)];
}
