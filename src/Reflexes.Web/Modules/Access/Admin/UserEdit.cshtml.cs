using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Access.Domain;

namespace Reflexes.Web.Modules.Access.Admin;

[Authorize(Policy = Policies.Administrator)]
public sealed class UserEditModel(UserManager<ReflexesUser> users, UserAdministration administration, TimeProvider time) : PageModel
{
    [BindProperty]
    public List<string> SelectedRoles { get; set; } = [];

    public string DisplayName { get; private set; } = "";

    public string Email { get; private set; } = "";

    public bool Locked { get; private set; }

    public string? ErrorKey { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var errors = await administration.SetRolesAsync(user, SelectedRoles.Distinct(StringComparer.Ordinal).ToList(), ct);
        if (errors.Count > 0)
        {
            await LoadAsync(user);
            ErrorKey = errors[0].Contains('.', StringComparison.Ordinal) ? errors[0] : "error.message";
            return Page();
        }

        TempData["Flash"] = "users.saved";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostLockAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (user.Id == users.GetUserId(User))
        {
            await LoadAsync(user);
            ErrorKey = "users.cannot-lock-self";
            return Page();
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        TempData["Flash"] = "users.saved";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["Flash"] = "users.saved";
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(ReflexesUser user)
    {
        DisplayName = user.DisplayName;
        Email = user.Email ?? "";
        SelectedRoles = (await users.GetRolesAsync(user)).ToList();
        Locked = user.LockoutEnd is { } end && end > time.GetUtcNow();
    }
}
