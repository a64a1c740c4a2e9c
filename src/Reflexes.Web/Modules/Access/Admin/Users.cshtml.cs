using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Access.Admin;

[Authorize(Policy = Policies.Administrator)]
public sealed class UsersModel(ReflexesDbContext db, TimeProvider time) : PageModel
{
    public sealed record Row(string Id, string Name, string Email, IReadOnlyList<string> Roles, bool TwoFactor, bool Locked);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Role))
        {
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Role)));
        }

        // Accounts number in the hundreds or thousands: filtering by text in memory keeps the
        // search case- and accent-insensitive in the same way on SQLite and PostgreSQL.
        var q = Q?.Trim();
        var users = (await query.OrderBy(u => u.DisplayName).ToListAsync(ct))
            .Where(u => string.IsNullOrEmpty(q) || (u.Email ?? "").Contains(q, StringComparison.OrdinalIgnoreCase)
                || CultureInfo.CurrentCulture.CompareInfo.IndexOf(u.DisplayName, q, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0)
            .Take(500).ToList();
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = time.GetUtcNow();
        Rows = users.Select(u => new Row(
            u.Id, u.DisplayName, u.Email ?? "",
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal).ToList(),
            u.TwoFactorEnabled,
            u.LockoutEnd is { } end && end > now)).ToList();
    }
}
