using System.Globalization;
using System.Text;

namespace Reflexes.Web.Modules.Outreach.Domain;

/// <summary>
/// Finds the same person written twice: names compared without accents, case or punctuation with
/// Jaro-Winkler (also with first and last name swapped), birth dates equal or off by one typo, phone
/// numbers compared digit by digit, addresses compared word by word after expanding abbreviations.
/// It only proposes pairs; a person decides (ADR 0532). Spouses and namesakes are told apart by the
/// birth date, which every proposed pair must share or nearly share.
/// </summary>
public static class RegistrantMatcher
{
    /// <summary>What is compared about a person.</summary>
    public sealed record Person(string FirstName, string LastName, DateOnly BirthDate, string Address, string Phone, string? OtherPhone);

    /// <summary>A proposed pair: how alike (0 to 1) and why, as message keys.</summary>
    public sealed record Match(double Score, IReadOnlyList<string> Reasons);

    private const double NameThreshold = 0.88;
    private const double CloseNameThreshold = 0.93;
    private const double AddressThreshold = 0.75;

    /// <summary>The pair as a proposed duplicate, or null when they are most likely two people.</summary>
    public static Match? Compare(Person a, Person b)
    {
        var (first, last) = NameSimilarity(a, b);
        var birth = BirthDates(a.BirthDate, b.BirthDate);
        var phone = SharePhone(a, b);
        var address = AddressSimilarity(a.Address, b.Address);

        var reasons = new List<string>();
        var sameBirth = birth == BirthDateMatch.Same;
        var proposed =
            (sameBirth && first >= NameThreshold && last >= NameThreshold)
            // A married or birth name: same first name, same birth date, same phone, another last name.
            // (Twins share the last name, birth date and phone: their first names tell them apart.)
            || (sameBirth && phone && first >= CloseNameThreshold)
            // A typo in the birth date: the rest must agree closely.
            || (birth == BirthDateMatch.Near && first >= CloseNameThreshold && last >= CloseNameThreshold && (phone || address >= AddressThreshold));
        if (!proposed)
        {
            return null;
        }

        reasons.Add(sameBirth ? "registry.match.same-birth-date" : "registry.match.near-birth-date");
        if (first >= NameThreshold && last >= NameThreshold)
        {
            reasons.Add(first >= 0.999 && last >= 0.999 ? "registry.match.same-name" : "registry.match.similar-name");
        }
        else
        {
            reasons.Add("registry.match.one-name");
        }

        if (phone)
        {
            reasons.Add("registry.match.same-phone");
        }

        if (address >= AddressThreshold)
        {
            reasons.Add("registry.match.similar-address");
        }

        var score = (0.35 * ((first + last) / 2)) + (0.3 * (sameBirth ? 1 : 0.6)) + (0.2 * (phone ? 1 : 0)) + (0.15 * address);
        return new Match(Math.Round(score, 2), reasons);
    }

    public enum BirthDateMatch
    {
        Same,
        Near,
        Different,
    }

    /// <summary>Near: day and month swapped, or exactly one of day, month and year differs by one keystroke.</summary>
    public static BirthDateMatch BirthDates(DateOnly a, DateOnly b)
    {
        if (a == b)
        {
            return BirthDateMatch.Same;
        }

        if (a.Year == b.Year && a.Day == b.Month && a.Month == b.Day)
        {
            return BirthDateMatch.Near;
        }

        var differing = (a.Year != b.Year ? 1 : 0) + (a.Month != b.Month ? 1 : 0) + (a.Day != b.Day ? 1 : 0);
        if (differing != 1)
        {
            return BirthDateMatch.Different;
        }

        var (x, y) = a.Year != b.Year ? (a.Year, b.Year) : a.Month != b.Month ? (a.Month, b.Month) : (a.Day, b.Day);
        return OneKeystroke(x.ToString("D2", CultureInfo.InvariantCulture), y.ToString("D2", CultureInfo.InvariantCulture))
            ? BirthDateMatch.Near : BirthDateMatch.Different;
    }

    /// <summary>Lower case, no accents, letters and digits separated by single spaces.</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var folded = c switch
            {
                'œ' or 'Œ' => "oe",
                'æ' or 'Æ' => "ae",
                'ß' => "ss",
                _ => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c).ToString() : " ",
            };
            builder.Append(folded);
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The digits of a French phone number, with +33 or 0033 written as a leading 0.</summary>
    public static string PhoneDigits(string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("0033", StringComparison.Ordinal))
        {
            digits = "0" + digits[4..];
        }
        else if (digits.StartsWith("33", StringComparison.Ordinal) && digits.Length == 11)
        {
            digits = "0" + digits[2..];
        }

        return digits;
    }

    /// <summary>Jaro-Winkler similarity (0 to 1) with the usual prefix scale of 0.1 over at most four characters.</summary>
    public static double JaroWinkler(string a, string b)
    {
        if (a.Length == 0 && b.Length == 0)
        {
            return 1;
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        var aMatched = new bool[a.Length];
        var bMatched = new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = Math.Max(0, i - window); j < Math.Min(b.Length, i + window + 1); j++)
            {
                if (!bMatched[j] && a[i] == b[j])
                {
                    aMatched[i] = bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var transpositions = 0;
        for (int i = 0, k = 0; i < a.Length; i++)
        {
            if (!aMatched[i])
            {
                continue;
            }

            while (!bMatched[k])
            {
                k++;
            }

            if (a[i] != b[k])
            {
                transpositions++;
            }

            k++;
        }

        var m = (double)matches;
        var jaro = ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2.0)) / m)) / 3;
        var prefix = 0;
        while (prefix < Math.Min(4, Math.Min(a.Length, b.Length)) && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * 0.1 * (1 - jaro));
    }

    /// <summary>Similarity of two addresses: the house numbers must agree, then street words are compared.</summary>
    public static double AddressSimilarity(string a, string b)
    {
        var x = AddressWords(a);
        var y = AddressWords(b);
        if (x.Count == 0 || y.Count == 0)
        {
            return 0;
        }

        var xNumbers = x.Where(w => w.All(char.IsAsciiDigit)).ToHashSet();
        var yNumbers = y.Where(w => w.All(char.IsAsciiDigit)).ToHashSet();
        if (xNumbers.Count > 0 && yNumbers.Count > 0 && !xNumbers.Overlaps(yNumbers))
        {
            return 0;
        }

        return JaroWinkler(string.Join(' ', x), string.Join(' ', y));
    }

    private static readonly Dictionary<string, string> StreetWords = new(StringComparer.Ordinal)
    {
        ["r"] = "rue",
        ["av"] = "avenue",
        ["ave"] = "avenue",
        ["bd"] = "boulevard",
        ["bld"] = "boulevard",
        ["bvd"] = "boulevard",
        ["pl"] = "place",
        ["ch"] = "chemin",
        ["che"] = "chemin",
        ["imp"] = "impasse",
        ["all"] = "allee",
        ["rte"] = "route",
        ["st"] = "saint",
        ["ste"] = "sainte",
        ["fg"] = "faubourg",
        ["fbg"] = "faubourg",
        ["res"] = "residence",
        ["bat"] = "batiment",
        ["apt"] = "appartement",
    };

    // Words that say nothing about where the person lives.
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal) { "de", "du", "des", "la", "le", "les", "l", "d", "bis", "ter" };

    private static List<string> AddressWords(string address) =>
        [.. Normalise(address).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => StreetWords.GetValueOrDefault(w, w))
            .Where(w => !Filler.Contains(w))];

    private static (double First, double Last) NameSimilarity(Person a, Person b)
    {
        var (af, al, bf, bl) = (Normalise(a.FirstName), Normalise(a.LastName), Normalise(b.FirstName), Normalise(b.LastName));
        var straight = (JaroWinkler(af, bf), JaroWinkler(al, bl));
        var swapped = (JaroWinkler(af, bl), JaroWinkler(al, bf));
        return straight.Item1 + straight.Item2 >= swapped.Item1 + swapped.Item2 ? straight : swapped;
    }

    private static bool SharePhone(Person a, Person b)
    {
        var x = new[] { PhoneDigits(a.Phone), PhoneDigits(a.OtherPhone) }.Where(p => p.Length >= 8).ToHashSet();
        return new[] { PhoneDigits(b.Phone), PhoneDigits(b.OtherPhone) }.Any(p => p.Length >= 8 && x.Contains(p));
    }

    private static bool OneKeystroke(string x, string y)
    {
        if (x.Length != y.Length)
        {
            return false;
        }

        var diffs = Enumerable.Range(0, x.Length).Where(i => x[i] != y[i]).ToList();
        return diffs.Count == 1 || (diffs.Count == 2 && diffs[1] == diffs[0] + 1 && x[diffs[0]] == y[diffs[1]] && x[diffs[1]] == y[diffs[0]]);
    }
}
