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
public sealed class AcceptInvitationModel(InvitationService invitations, SignInManager<ReflexesUser> signIn) : PageModel
{
    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty]
    public string Confirm { get; set; } = "";

    public Invitation? Invitation { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(string token, CancellationToken ct)
    {
        Invitation = await invitations.FindPendingAsync(token, ct);
        if (Invitation is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        Invitation = await invitations.FindPendingAsync(token, ct);
        if (Invitation is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        if (Password != Confirm)
        {
            Errors = ["accept.error.mismatch"];
            return Page();
        }

        var (user, errors) = await invitations.AcceptAsync(token, Password, ct);
        if (user is null)
        {
            Errors = errors.Select(IdentityErrorKeys.For).ToList();
            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Flash"] = "accept.done";
        return LocalRedirect("/");
    }
}
