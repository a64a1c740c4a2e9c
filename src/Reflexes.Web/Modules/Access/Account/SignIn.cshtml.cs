using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.Territory.DemoSeed;
using Reflexes.Web.Platform;

namespace Reflexes.Web.Modules.Access.Account;

[AllowAnonymous]
[EnableRateLimiting(WebHost.SignInRateLimit)]
public sealed class SignInModel(SignInManager<ReflexesUser> signIn, UserManager<ReflexesUser> users, IHostEnvironment environment) : PageModel
{
    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorKey { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            ErrorKey = "signin.error.missing";
            return Page();
        }

        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is not null && environment.IsProduction()
            && (await users.GetClaimsAsync(user)).Any(c => c.Type == DemoTerritory.DemoClaim))
        {
            ErrorKey = "signin.error.demo-in-production";
            return Page();
        }

        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Access/Account/SignInTwoFactor", new { returnUrl = SafeReturnUrl(ReturnUrl) });
        }

        ErrorKey = result.IsLockedOut ? "signin.error.locked" : "signin.error.failed";
        return Page();
    }

    internal static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/";
}
