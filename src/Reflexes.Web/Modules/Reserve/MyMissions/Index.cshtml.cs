using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Access;

namespace Reflexes.Web.Modules.Reserve.MyMissions;

/// <summary>The volunteer's missions: proposals to accept or decline, confirmed ones, and time to record afterwards.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(MyMissionsDesk desk) : PageModel
{
    public IReadOnlyList<MyMissionsDesk.Item> Items { get; private set; } = [];

    public DateOnly Today => desk.Today;

    public string? Error { get; private set; }

    public Guid? ErrorFor { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Items = await desk.MineAsync(User, ct);

    public Task<IActionResult> OnPostAcceptAsync(Guid assignment, CancellationToken ct) =>
        DoAsync(assignment, desk.AcceptAsync(assignment, User, ct), "my-missions.accepted", ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid assignment, CancellationToken ct) =>
        DoAsync(assignment, desk.DeclineAsync(assignment, User, ct), "my-missions.declined", ct);

    public async Task<IActionResult> OnPostHoursAsync(Guid assignment, string? hours, CancellationToken ct)
    {
        var parsed = decimal.TryParse((hours ?? "").Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var h) ? h : -1;
        return await DoAsync(assignment, desk.RecordTimeAsync(assignment, (int)Math.Round(parsed * 60), User, ct), "my-missions.hours-recorded", ct);
    }

    private async Task<IActionResult> DoAsync(Guid assignment, Task<string?> action, string flash, CancellationToken ct)
    {
        Error = await action;
        if (Error is null)
        {
            TempData["Flash"] = flash;
            return Redirect("/reserve/my-missions");
        }

        ErrorFor = assignment;
        Items = await desk.MineAsync(User, ct);
        return Page();
    }
}
