using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.Reserve.Domain;

namespace Reflexes.Web.Modules.Reserve.Notifications;

/// <summary>The signed-in person's notifications, newest first.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(Notifier notifier) : PageModel
{
    public IReadOnlyList<Notification> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await notifier.OfUserAsync(UserId, ct);

    public async Task<IActionResult> OnPostReadAsync(CancellationToken ct)
    {
        await notifier.MarkAllReadAsync(UserId, ct);
        return Redirect("/notifications");
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
