namespace Reflexes.Web.Modules.Territory.Import;

/// <summary>One data row of an import, with its line in the file and whether it updates an existing record.</summary>
public sealed record ImportRow(int Line, IReadOnlyDictionary<string, string> Values, bool UpdatesExisting);
