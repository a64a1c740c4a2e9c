using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Access.Domain;

namespace Reflexes.Web.Modules.Access.Account;

[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(UserManager<ReflexesUser> users) : PageModel
{
    public string DisplayName { get; private set; } = "";

    public string Email { get; private set; } = "";

    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    public bool TwoFactorEnabled { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        DisplayName = user.DisplayName;
        Email = user.Email ?? "";
        RoleNames = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        TwoFactorEnabled = user.TwoFactorEnabled;
        return Page();
    }
}
