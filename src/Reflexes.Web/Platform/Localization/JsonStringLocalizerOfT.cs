using Microsoft.Extensions.Localization;

namespace Reflexes.Web.Platform.Localization;

internal sealed class JsonStringLocalizer<T>(JsonStringLocalizer inner) : IStringLocalizer<T>
{
    public LocalizedString this[string name] => inner[name];

    public LocalizedString this[string name, params object[] arguments] => inner[name, arguments];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
}
