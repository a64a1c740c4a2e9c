namespace Reflexes.Web.Platform.Forms;

/// <summary>Errors of a submitted form, each tied to the field it concerns (for the summary's links and aria-invalid).</summary>
public sealed class FormErrors
{
    private readonly List<(string Field, string Key, object[] Arguments)> _items = [];

    public bool Any => _items.Count > 0;

    public IReadOnlyList<(string Field, string Key, object[] Arguments)> Items => _items;

    public void Add(string field, string key, params object[] arguments) => _items.Add((field, key, arguments));

    public bool Has(string field) => _items.Exists(e => e.Field == field);

    /// <summary>The value of the field's aria-invalid attribute.</summary>
    public string Invalid(string field) => Has(field) ? "true" : "false";
}
