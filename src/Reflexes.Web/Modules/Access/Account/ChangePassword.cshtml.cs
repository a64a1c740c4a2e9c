using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Access.Domain;

namespace Reflexes.Web.Modules.Access.Account;

[Authorize(Policy = Policies.SignedIn)]
public sealed class ChangePasswordModel(UserManager<ReflexesUser> users, SignInManager<ReflexesUser> signIn) : PageModel
{
    [BindProperty]
    public string Current { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty]
    public string Confirm { get; set; } = "";

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (Password != Confirm)
        {
            Errors = ["accept.error.mismatch"];
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Current, Password);
        if (!result.Succeeded)
        {
            Errors = result.Errors.Select(e => IdentityErrorKeys.For(e.Code)).ToList();
            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = "password.done";
        return RedirectToPage("/Access/Account/Index");
    }
}
