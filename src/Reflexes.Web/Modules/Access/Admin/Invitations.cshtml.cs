using System.Net.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Platform.Clock;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Platform.Security;

namespace Reflexes.Web.Modules.Access.Admin;

[Authorize(Policy = Policies.Administrator)]
public sealed class InvitationsModel(
    ReflexesDbContext db, InvitationService invitations, UserManager<ReflexesUser> users, SecuritySettings security, TimeProvider time) : PageModel
{
    public sealed record FieldError(string Field, string Key);

    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string DisplayName { get; set; } = "";

    [BindProperty]
    public List<string> SelectedRoles { get; set; } = [];

    public List<FieldError> Errors { get; } = [];

    public IReadOnlyList<Invitation> Rows { get; private set; } = [];

    public DateTime Now { get; private set; }

    public bool HasError(string field) => Errors.Any(e => e.Field == field);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Email = Email.Trim();
        DisplayName = DisplayName.Trim();
        if (!MailAddress.TryCreate(Email, out var address) || address.Address != Email)
        {
            Errors.Add(new("Email", "invitations.error.email"));
        }
        else if (await users.FindByEmailAsync(Email) is not null)
        {
            Errors.Add(new("Email", "invitation.account-exists"));
        }

        if (DisplayName.Length is 0 or > 200)
        {
            Errors.Add(new("DisplayName", "invitations.error.name"));
        }

        var roles = SelectedRoles.Where(Roles.IsKnown).Distinct(StringComparer.Ordinal).ToList();
        if (roles.Count == 0)
        {
            Errors.Add(new("SelectedRoles", "invitations.error.roles"));
        }

        if (Errors.Count > 0)
        {
            await LoadAsync(ct);
            return Page();
        }

        var baseUrl = string.IsNullOrWhiteSpace(security.PublicBaseUrl)
            ? new Uri($"{Request.Scheme}://{Request.Host}")
            : new Uri(security.PublicBaseUrl);
        await invitations.InviteAsync(Email, DisplayName, roles, users.GetUserId(User)!, baseUrl, ct);
        TempData["Flash"] = "invitations.sent";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid invitationId, CancellationToken ct)
    {
        await invitations.RevokeAsync(invitationId, ct);
        TempData["Flash"] = "invitations.revoked";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = time.UtcNow();
        Rows = await db.Invitations.AsNoTracking().OrderByDescending(i => i.CreatedAtUtc).Take(200).ToListAsync(ct);
    }
}
