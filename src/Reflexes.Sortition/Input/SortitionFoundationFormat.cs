namespace Reflexes.Sortition.Input;

/// <summary>
/// The Sortition Foundation format: <c>features.csv</c> with <c>feature,value,min,max[,min_flex,max_flex]</c>
/// (the flexible bounds are read past: Reflexes reports the smallest relaxation itself), and a people file
/// with an id column, one column per feature and address columns.
/// </summary>
public static class SortitionFoundationFormat
{
    public static Pool Read(string featuresPath, string peoplePath, string? idColumn = null, IReadOnlyList<string>? addressColumns = null)
    {
        var featuresTable = CsvTable.Read(featuresPath);
        var categories = QuotaRows.Build(
            featuresTable,
            featuresTable.RequireColumn("feature"),
            featuresTable.RequireColumn("value"),
            featuresTable.RequireColumn("min"),
            featuresTable.RequireColumn("max"));
        var people = CsvTable.Read(peoplePath);
        var id = idColumn is null ? 0 : people.RequireColumn(idColumn);
        var columns = categories.Select(c => people.RequireColumn(c.Name)).ToArray();
        var address = AddressColumns.Resolve(people, addressColumns);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var respondents = new List<Respondent>(people.Records.Count);
        foreach (var record in people.Records)
        {
            var personId = record.Fields[id].Trim();
            if (personId.Length == 0)
            {
                throw new SortitionInputException(people.File, record.Line, id + 1, $"the id ('{people.Header[id]}') is empty.");
            }

            if (seen.TryGetValue(personId, out var firstLine))
            {
                throw new SortitionInputException(people.File, record.Line, id + 1, $"id '{personId}' already appears on line {firstLine}.");
            }

            seen[personId] = record.Line;
            var values = new int[categories.Count];
            for (var c = 0; c < categories.Count; c++)
            {
                values[c] = ReplicationFormat.FeatureValue(people, record, columns[c], categories[c], featuresTable.File);
            }

            respondents.Add(new Respondent(personId, values, AddressColumns.Household(record, address)));
        }

        return new Pool(categories, respondents, IdsAreRowNumbers: false);
    }
}
