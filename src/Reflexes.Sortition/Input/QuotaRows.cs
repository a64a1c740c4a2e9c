using System.Globalization;

namespace Reflexes.Sortition.Input;

internal static class QuotaRows
{
    public static List<Category> Build(CsvTable table, int categoryColumn, int valueColumn, int minColumn, int maxColumn)
    {
        var order = new List<string>();
        var values = new Dictionary<string, List<FeatureQuota>>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in table.Records)
        {
            var name = Text(table, record, categoryColumn, "category");
            var value = Text(table, record, valueColumn, "value");
            var min = Count(table, record, minColumn);
            var max = Count(table, record, maxColumn);
            if (min > max)
            {
                throw new SortitionInputException(table.File, record.Line, minColumn + 1, $"min {min} is greater than max {max}.");
            }

            if (!values.TryGetValue(name, out var list))
            {
                list = [];
                values[name] = list;
                order.Add(name);
            }

            if (list.Any(v => string.Equals(v.Value, value, StringComparison.OrdinalIgnoreCase)))
            {
                throw new SortitionInputException(table.File, record.Line, valueColumn + 1, $"'{name}' / '{value}' is listed twice.");
            }

            list.Add(new FeatureQuota(value, min, max));
        }

        if (order.Count == 0)
        {
            throw new SortitionInputException(table.File, 0, 0, "no quota is listed.");
        }

        return [.. order.Select(name => new Category(name, values[name]))];
    }

    public static int Count(CsvTable table, CsvRecord record, int column)
    {
        var text = record.Fields[column].Trim();
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) || count < 0)
        {
            throw new SortitionInputException(table.File, record.Line, column + 1, $"'{text}' is not a whole number of people (0 or more).");
        }

        return count;
    }

    private static string Text(CsvTable table, CsvRecord record, int column, string what)
    {
        var text = record.Fields[column].Trim();
        return text.Length > 0 ? text
            : throw new SortitionInputException(table.File, record.Line, column + 1, $"the {what} is empty.");
    }
}
