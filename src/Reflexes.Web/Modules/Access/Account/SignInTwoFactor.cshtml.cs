using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Platform;

namespace Reflexes.Web.Modules.Access.Account;

[AllowAnonymous]
[EnableRateLimiting(WebHost.SignInRateLimit)]
public sealed class SignInTwoFactorModel(SignInManager<ReflexesUser> signIn) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = "";

    [BindProperty]
    public bool IsRecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorKey { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // Reached only between the password step and the code step.
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Access/Account/SignIn") : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Access/Account/SignIn");
        }

        var code = new string((Code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        var result = IsRecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
        }

        ErrorKey = result.IsLockedOut ? "signin.error.locked" : "signin2fa.error";
        return Page();
    }
}
