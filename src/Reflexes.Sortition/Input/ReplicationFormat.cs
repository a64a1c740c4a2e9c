using System.Globalization;

namespace Reflexes.Sortition.Input;

/// <summary>
/// The replication format of Flanigan et al. (Nature, 2021): <c>categories.csv</c> with
/// <c>category,feature,min,max</c>, and <c>respondents.csv</c> with one column per category; a person's id is
/// their 0-based row number.
/// </summary>
public static class ReplicationFormat
{
    public static Pool Read(string categoriesPath, string respondentsPath, IReadOnlyList<string>? addressColumns = null)
    {
        var categoriesTable = CsvTable.Read(categoriesPath);
        var categories = ReadCategories(categoriesTable);
        var respondents = CsvTable.Read(respondentsPath);
        var columns = categories.Select(c => respondents.RequireColumn(c.Name)).ToArray();
        var address = AddressColumns.Resolve(respondents, addressColumns);
        var people = new List<Respondent>(respondents.Records.Count);
        foreach (var record in respondents.Records)
        {
            var values = new int[categories.Count];
            for (var c = 0; c < categories.Count; c++)
            {
                values[c] = FeatureValue(respondents, record, columns[c], categories[c], categoriesTable.File);
            }

            people.Add(new Respondent(people.Count.ToString(CultureInfo.InvariantCulture), values, AddressColumns.Household(record, address)));
        }

        return new Pool(categories, people, IdsAreRowNumbers: true);
    }

    internal static int FeatureValue(CsvTable table, CsvRecord record, int column, Category category, string quotaFile)
    {
        var text = record.Fields[column].Trim();
        var index = category.IndexOf(text);
        return index >= 0 ? index
            : throw new SortitionInputException(table.File, record.Line, column + 1,
                $"'{text}' is not a value of category '{category.Name}' in {quotaFile} (expected one of: {string.Join(", ", category.Values.Select(v => v.Value))}).");
    }

    private static List<Category> ReadCategories(CsvTable table)
    {
        var category = table.RequireColumn("category");
        var feature = table.RequireColumn("feature");
        var min = table.RequireColumn("min");
        var max = table.RequireColumn("max");
        return QuotaRows.Build(table, category, feature, min, max);
    }
}
