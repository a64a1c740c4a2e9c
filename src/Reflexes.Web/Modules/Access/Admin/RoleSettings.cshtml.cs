using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Access.Admin;

[Authorize(Policy = Policies.Administrator)]
public sealed class RoleSettingsModel(ReflexesDbContext db, UserAdministration administration) : PageModel
{
    public sealed record Row(string Name, bool RequiresTwoFactor, int Members);

    [BindProperty]
    public List<string> Required { get; set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await administration.EnsureRolesExistAsync(ct);
        var roles = await db.Roles.AsNoTracking().ToListAsync(ct);
        var counts = await db.UserRoles.GroupBy(ur => ur.RoleId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Rows = Roles.All.Select(name =>
        {
            var role = roles.First(r => r.Name == name);
            return new Row(name, role.RequiresTwoFactor, counts.FirstOrDefault(c => c.Key == role.Id)?.Count ?? 0);
        }).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
        {
            await administration.SetTwoFactorRequirementAsync(role, Required.Contains(role), ct);
        }

        TempData["Flash"] = "roles.saved";
        return RedirectToPage();
    }
}
