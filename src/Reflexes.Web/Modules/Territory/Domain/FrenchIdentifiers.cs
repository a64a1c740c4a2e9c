namespace Reflexes.Web.Modules.Territory.Domain;

/// <summary>Formats of the French identifiers used for organisations.</summary>
public static class FrenchIdentifiers
{
    public static string? NormaliseSiret(string? siret) =>
        string.IsNullOrWhiteSpace(siret) ? null : new string(siret.Where(c => !char.IsWhiteSpace(c)).ToArray());

    public static string? NormaliseRna(string? rna) =>
        string.IsNullOrWhiteSpace(rna) ? null : rna.Trim().ToUpperInvariant();

    /// <summary>A SIRET is 14 digits whose Luhn sum is a multiple of 10 (La Poste's establishments excepted).</summary>
    public static bool IsValidSiret(string siret)
    {
        if (siret.Length != 14 || !siret.All(char.IsAsciiDigit))
        {
            return false;
        }

        // La Poste (SIREN 356000000) numbers its establishments with a plain digit-sum rule.
        if (siret.StartsWith("356000000", StringComparison.Ordinal))
        {
            return siret.Sum(c => c - '0') % 5 == 0;
        }

        var sum = 0;
        for (var i = 0; i < 14; i++)
        {
            var digit = siret[13 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }

    /// <summary>An RNA number is "W" followed by nine characters, digits for associations created since 2010.</summary>
    public static bool IsValidRna(string rna) =>
        rna.Length == 10 && rna[0] == 'W' && rna.Skip(1).All(char.IsAsciiLetterOrDigit) && rna.Skip(1).Any(char.IsAsciiDigit);
}
