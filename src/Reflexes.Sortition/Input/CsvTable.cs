using System.Text;

namespace Reflexes.Sortition.Input;

/// <summary>A comma-separated file (RFC 4180 quoting) read whole, keeping the line where each record starts.</summary>
internal sealed class CsvTable
{
    private CsvTable(string file, IReadOnlyList<string> header, IReadOnlyList<CsvRecord> records)
    {
        File = file;
        Header = header;
        Records = records;
    }

    public string File { get; }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<CsvRecord> Records { get; }

    public static CsvTable Read(string path)
    {
        var name = Path.GetFileName(path);
        if (!System.IO.File.Exists(path))
        {
            throw new SortitionInputException(name, 0, 0, $"file not found ({path}).");
        }

        return Parse(name, System.IO.File.ReadAllText(path, Encoding.UTF8));
    }

    public static CsvTable Parse(string name, string text)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var fieldWasQuoted = false;
        var i = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            i = 1;
        }

        for (; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
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
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0 && !fieldWasQuoted:
                    quoted = true;
                    fieldWasQuoted = true;
                    break;
                case '"':
                    throw new SortitionInputException(name, line, fields.Count + 1, "a quote appears inside an unquoted field.");
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldWasQuoted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldWasQuoted = false;
                    AddRecord(records, fields, recordLine);
                    fields = [];
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }

        if (quoted)
        {
            throw new SortitionInputException(name, recordLine, fields.Count + 1, "a quoted field is never closed.");
        }

        if (field.Length > 0 || fields.Count > 0 || fieldWasQuoted)
        {
            fields.Add(field.ToString());
            AddRecord(records, fields, recordLine);
        }

        if (records.Count == 0)
        {
            throw new SortitionInputException(name, 0, 0, "the file is empty (a header line is expected).");
        }

        var header = records[0].Fields.Select(h => h.Trim()).ToArray();
        for (var c = 0; c < header.Length; c++)
        {
            if (header[c].Length == 0)
            {
                throw new SortitionInputException(name, records[0].Line, c + 1, "a column has no name.");
            }

            var first = Array.FindIndex(header, h => string.Equals(h, header[c], StringComparison.OrdinalIgnoreCase));
            if (first != c)
            {
                throw new SortitionInputException(name, records[0].Line, c + 1, $"column '{header[c]}' appears twice.");
            }
        }

        var body = records.Skip(1).ToList();
        foreach (var record in body)
        {
            if (record.Fields.Count != header.Length)
            {
                throw new SortitionInputException(name, record.Line, Math.Min(record.Fields.Count, header.Length) + 1,
                    $"expected {header.Length} fields as in the header, found {record.Fields.Count}.");
            }
        }

        return new CsvTable(name, header, body);
    }

    public int ColumnIndex(string column) =>
        Array.FindIndex(Header.ToArray(), h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));

    public int RequireColumn(string column)
    {
        var index = ColumnIndex(column);
        return index >= 0 ? index
            : throw new SortitionInputException(File, 1, 0, $"the header has no '{column}' column (found: {string.Join(", ", Header)}).");
    }

    private static void AddRecord(List<CsvRecord> records, List<string> fields, int line)
    {
        // Blank lines (a lone empty field) are skipped, as spreadsheet exports often end with some.
        if (fields.Count == 1 && fields[0].Trim().Length == 0)
        {
            return;
        }

        records.Add(new CsvRecord(line, fields));
    }
}

internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);
