using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Reflexes.Web.Modules.Reserve.Planning;

/// <summary>The planning board: choose a week, run the engine, inspect, adjust by hand, publish, re-plan.</summary>
[Authorize(Policy = ReserveModule.CoordinationPolicy)]
public sealed class IndexModel(PlanningDesk desk) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Week { get; set; }

    public PlanningBoard Board { get; private set; } = null!;

    public IReadOnlyList<string> EngineErrors { get; private set; } = [];

    public IReadOnlyList<string> AddErrors { get; private set; } = [];

    public Guid? AddSlot { get; private set; }

    public DateOnly Monday { get; private set; }

    public bool WeekInvalid { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ResolveWeek();
        Board = await desk.BoardAsync(Monday, User, ct);
    }

    public async Task<IActionResult> OnPostRunAsync(CancellationToken ct)
    {
        ResolveWeek();
        EngineErrors = await desk.RunAsync(Monday, User, ct);
        if (EngineErrors.Count > 0)
        {
            Board = await desk.BoardAsync(Monday, User, ct);
            return Page();
        }

        TempData["Flash"] = "planning.ran";
        return Back();
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        ResolveWeek();
        var count = await desk.PublishAsync(Monday, User, ct);
        TempData["Flash"] = count == 0 ? "planning.nothing-to-publish" : "planning.published";
        return Back();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid assignment, CancellationToken ct)
    {
        ResolveWeek();
        TempData["Flash"] = await desk.RemoveAsync(assignment, User, ct) ? "planning.removed" : "planning.not-removed";
        return Back();
    }

    public async Task<IActionResult> OnPostAddAsync(Guid slot, Guid? volunteer, CancellationToken ct)
    {
        ResolveWeek();
        AddErrors = volunteer is null ? ["planning.error.choose-volunteer"] : await desk.AddAsync(slot, volunteer.Value, User, ct);
        if (AddErrors.Count > 0)
        {
            AddSlot = slot;
            Board = await desk.BoardAsync(Monday, User, ct);
            return Page();
        }

        TempData["Flash"] = "planning.added";
        return Back();
    }

    private RedirectResult Back() => Redirect("/reserve/planning?week=" + Monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private void ResolveWeek()
    {
        var today = desk.Today;
        var chosen = today.AddDays(7);
        if (!string.IsNullOrWhiteSpace(Week))
        {
            if (DateOnly.TryParseExact(Week.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                chosen = d;
            }
            else
            {
                WeekInvalid = true;
            }
        }

        Monday = PlanningDesk.MondayOf(chosen);
    }
}
