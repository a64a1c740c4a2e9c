using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Platform.Localization;

namespace Reflexes.Web.Modules.Access.Account;

[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(UserManager<ReflexesUser> users) : PageModel
{
    public string DisplayName { get; private set; } = "";

    public string Email { get; private set; } = "";

    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    public bool TwoFactorEnabled { get; private set; }

    public string PreferredLanguage { get; private set; } = "fr";

    public bool LanguageInvalid { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user);
        return Page();
    }

    /// <summary>Records the language the person's e-mails and notifications are written in.</summary>
    public async Task<IActionResult> OnPostLanguageAsync(string? language)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var chosen = JsonStringLocalizer.SupportedCultures.FirstOrDefault(c => string.Equals(c.TwoLetterISOLanguageName, language, StringComparison.Ordinal));
        if (chosen is null)
        {
            LanguageInvalid = true;
            await LoadAsync(user);
            return Page();
        }

        user.PreferredLanguage = chosen.TwoLetterISOLanguageName;
        await users.UpdateAsync(user);
        TempData["Flash"] = "account.language-saved";
        return Redirect("/account");
    }

    private async Task LoadAsync(ReflexesUser user)
    {
        DisplayName = user.DisplayName;
        Email = user.Email ?? "";
        RoleNames = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        TwoFactorEnabled = user.TwoFactorEnabled;
        PreferredLanguage = user.PreferredLanguage;
    }
}
