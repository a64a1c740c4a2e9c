using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Access;

/// <summary>
/// People holding a role that demands two-factor sign-in can reach nothing but their account
/// pages until they have enrolled an authenticator and signed in with it. The rule is read from
/// the database on each request, so every instance applies a change at once.
/// </summary>
internal sealed class TwoFactorRequirementMiddleware(RequestDelegate next)
{
    private static readonly string[] AlwaysAllowed =
        ["/account/two-factor", "/account/sign-out", "/account/sign-in", "/culture", "/health", "/error", "/css", "/lib", "/favicon"];

    public async Task InvokeAsync(HttpContext context, ReflexesDbContext db, SignInManager<Domain.ReflexesUser> signIn)
    {
        if (context.User.Identity?.IsAuthenticated != true
            || AlwaysAllowed.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            await next(context);
            return;
        }

        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var required = await (from ur in db.UserRoles
                              join r in db.Roles on ur.RoleId equals r.Id
                              where ur.UserId == userId && r.RequiresTwoFactor
                              select r.Id).AnyAsync(context.RequestAborted);
        if (!required || context.User.HasClaim("amr", "mfa"))
        {
            await next(context);
            return;
        }

        var enabled = await db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).FirstOrDefaultAsync(context.RequestAborted);
        if (enabled)
        {
            // Enrolled, but this session was opened with a password only: sign in again with the code.
            await signIn.SignOutAsync();
            context.Response.Redirect("/account/sign-in?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
            return;
        }

        context.Response.Redirect("/account/two-factor?required=1");
    }
}
