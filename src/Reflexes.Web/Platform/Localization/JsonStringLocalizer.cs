using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Reflexes.Web.Platform.Localization;

/// <summary>
/// The interface texts, one flat JSON dictionary per language embedded in the assembly
/// (fr.json first, en.json second). Flat keys keep the two files easy to diff and to check
/// for completeness in a test (see docs/adr/0004-ui-technology.md).
/// </summary>
public sealed class JsonStringLocalizer : IStringLocalizer
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    public static readonly IReadOnlyList<CultureInfo> SupportedCultures = [French, English];

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _texts;

    public JsonStringLocalizer()
    {
        _texts = new Dictionary<string, FrozenDictionary<string, string>>
        {
            ["fr"] = Load("fr"),
            ["en"] = Load("en"),
        }.ToFrozenDictionary();
    }

    public IReadOnlyDictionary<string, string> TextsFor(string language) => _texts[language];

    public LocalizedString this[string name]
    {
        get
        {
            var value = Find(name);
            return new LocalizedString(name, value ?? name, resourceNotFound: value is null);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var value = Find(name);
            var text = string.Format(CultureInfo.CurrentCulture, value ?? name, arguments);
            return new LocalizedString(name, text, resourceNotFound: value is null);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        _texts[Language()].Select(kv => new LocalizedString(kv.Key, kv.Value));

    private static string Language() =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "fr";

    private string? Find(string name)
    {
        if (_texts[Language()].TryGetValue(name, out var value))
        {
            return value;
        }

        // A missing English text falls back to French, the reference language.
        return _texts["fr"].TryGetValue(name, out value) ? value : null;
    }

    private static FrozenDictionary<string, string> Load(string language)
    {
        var assembly = typeof(JsonStringLocalizer).Assembly;
        var resource = $"Reflexes.Web.Platform.Localization.{language}.json";
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Missing embedded resource {resource}.");
        var texts = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidOperationException($"Empty resource {resource}.");
        return texts.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
