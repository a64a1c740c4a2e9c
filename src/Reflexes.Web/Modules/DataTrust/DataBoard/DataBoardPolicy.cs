using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.DataTrust.DataBoard;

/// <summary>The data board: the data-protection officer and the people designated to sit beside them.</summary>
public static class DataBoardPolicy
{
    public const string Name = "data-board";

    /// <summary>Public staff, or a member of the data board (who may be a resident).</summary>
    public const string StaffOrBoard = "staff-or-data-board";

    public static async Task<bool> SitsOnBoardAsync(this ReflexesDbContext db, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.IsInRole(Roles.DataProtectionOfficer))
        {
            return true;
        }

        var id = user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        return id is not null && await db.DataBoardMembers.AnyAsync(m => m.UserId == id, ct);
    }
}

/// <summary>Requirement met by a member of the data board.</summary>
public sealed class DataBoardRequirement : IAuthorizationRequirement;

/// <summary>Requirement met by public staff or a member of the data board.</summary>
public sealed class StaffOrBoardRequirement : IAuthorizationRequirement;

/// <summary>Checks membership in the database on each request, so a removal takes effect at once.</summary>
public sealed class DataBoardHandler(ReflexesDbContext db) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        foreach (var requirement in context.PendingRequirements.ToList())
        {
            var staff = requirement is StaffOrBoardRequirement && Roles.Staff.Any(context.User.IsInRole);
            if ((requirement is DataBoardRequirement or StaffOrBoardRequirement)
                && (staff || await db.SitsOnBoardAsync(context.User, CancellationToken.None)))
            {
                context.Succeed(requirement);
            }
        }
    }
}
