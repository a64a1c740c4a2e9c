using System.Text;

namespace Reflexes.Web.Modules.Territory.Import;

/// <summary>
/// Reads a CSV file (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) into rows
/// keyed by lower-case column name, remembering the line each row starts on. Accepts comma or
/// semicolon separators (spreadsheets set to French write semicolons) and a byte-order mark.
/// </summary>
internal static class CsvTable
{
    public const int MaxRows = 20_000;

    public static (IReadOnlyList<string> Columns, IReadOnlyList<(int Line, Dictionary<string, string> Values)> Rows, ImportError? Error) Read(string content)
    {
        content = content.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(content))
        {
            return ([], [], new ImportError(1, "", "import.error.empty-file"));
        }

        var firstLine = content.Split('\n', 2)[0];
        var delimiter = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
        var records = new List<(int Line, List<string> Fields)>();
        var error = Parse(content, delimiter, records);
        if (error is not null)
        {
            return ([], [], error);
        }

        var header = records[0].Fields;
        if (header.All(string.IsNullOrWhiteSpace))
        {
            return ([], [], new ImportError(1, "", "import.error.no-header"));
        }

        var columns = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var rows = new List<(int, Dictionary<string, string>)>();
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (rows.Count >= MaxRows)
            {
                return (columns, rows, new ImportError(line, "", "import.error.too-many-rows"));
            }

            if (fields.Count > columns.Count)
            {
                return (columns, rows, new ImportError(line, "", "import.error.too-many-cells"));
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Count; i++)
            {
                values[columns[i]] = i < fields.Count ? fields[i].Trim() : "";
            }

            rows.Add((line, values));
        }

        return (columns, rows, null);
    }

    private static ImportError? Parse(string content, char delimiter, List<(int Line, List<string> Fields)> records)
    {
        var line = 1;
        var recordLine = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var quoteOpenedOn = 0;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < content.Length && content[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.ToString().Trim().Length == 0:
                    field.Clear();
                    quoted = true;
                    quoteOpenedOn = line;
                    break;
                case '"':
                    return new ImportError(line, "", "import.error.stray-quote");
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add((recordLine, fields));
                    fields = [];
                    line++;
                    recordLine = line;
                    break;
                default:
                    if (c == delimiter)
                    {
                        fields.Add(field.ToString());
                        field.Clear();
                    }
                    else
                    {
                        field.Append(c);
                    }

                    break;
            }
        }

        if (quoted)
        {
            return new ImportError(quoteOpenedOn, "", "import.error.unclosed-quote");
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }

        return records.Count == 0 ? new ImportError(1, "", "import.error.no-header") : null;
    }

    /// <summary>Quotes a field when it holds the separator, a quote or a line break.</summary>
    public static string Escape(string? value)
    {
        value ??= "";
        return value.IndexOfAny([',', ';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
