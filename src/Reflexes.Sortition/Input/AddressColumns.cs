namespace Reflexes.Sortition.Input;

/// <summary>Which columns make up an address, and the household key derived from them.</summary>
internal static class AddressColumns
{
    /// <summary>Columns used when none are named: the Sortition Foundation's address fields that are present.</summary>
    public static readonly string[] Defaults = ["primary_address1", "primary_address2", "primary_city", "primary_zip"];

    public static int[] Resolve(CsvTable table, IReadOnlyList<string>? requested)
    {
        if (requested is { Count: > 0 })
        {
            return [.. requested.Select(table.RequireColumn)];
        }

        return [.. Defaults.Select(table.ColumnIndex).Where(i => i >= 0)];
    }

    /// <summary>Case, punctuation and spacing are ignored, so "12 Rue X" and "12, rue x" are one household.</summary>
    public static string? Household(CsvRecord record, int[] columns)
    {
        if (columns.Length == 0)
        {
            return null;
        }

        var parts = columns.Select(c => new string([.. record.Fields[c].ToUpperInvariant().Where(char.IsLetterOrDigit)]));
        var key = string.Join("|", parts);
        return key.Replace("|", "", StringComparison.Ordinal).Length == 0 ? null : key;
    }
}
