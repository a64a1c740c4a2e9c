using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Outreach.Contracts;

/// <summary>
/// Tells the site navigation whether to offer "My calls": only to accounts enrolled as active callers
/// (staff or civic-reserve residents), since nobody else can take a call. Asked once per page, and only
/// for signed-in people.
/// </summary>
public sealed class CallerNavigation(ReflexesDbContext db)
{
    private bool? _isCaller;

    public async Task<bool> ShowsMyCallsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (_isCaller is { } known)
        {
            return known;
        }

        var userId = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        _isCaller = userId is not null && await db.Callers.AsNoTracking().AnyAsync(c => c.UserId == userId && c.Active, ct);
        return _isCaller.Value;
    }
}
