namespace Reflexes.Web.Modules.Territory.Import;

public sealed record ImportPreview(ImportKind Kind, IReadOnlyList<string> Columns, IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportError> Errors)
{
    public bool CanImport => Errors.Count == 0 && Rows.Count > 0;

    public int NewCount => Rows.Count(r => !r.UpdatesExisting);

    public int UpdateCount => Rows.Count(r => r.UpdatesExisting);
}
