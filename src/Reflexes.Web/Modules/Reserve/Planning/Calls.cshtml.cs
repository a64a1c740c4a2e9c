using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Reserve.MyMissions;

namespace Reflexes.Web.Modules.Reserve.Planning;

/// <summary>
/// "To call": the week's published assignments of volunteers without an account. The coordinator phones them, then
/// records their answer on their behalf (docs/adr/0327).
/// </summary>
[Authorize(Policy = ReserveModule.CoordinationPolicy)]
public sealed class CallsModel(PlanningDesk desk, MyMissionsDesk answers) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Week { get; set; }

    public DateOnly Monday { get; private set; }

    public IReadOnlyList<PlanningDesk.ToCall> Calls { get; private set; } = [];

    public string? Error { get; private set; }

    public Guid? ErrorFor { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ResolveWeek();
        Calls = await desk.ToCallAsync(Monday, User, ct);
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid assignment, string? answer, CancellationToken ct)
    {
        ResolveWeek();
        var error = answer switch
        {
            "accept" => await answers.AcceptByPhoneAsync(assignment, User, ct),
            "decline" => await answers.DeclineByPhoneAsync(assignment, User, ct),
            _ => "calls.error.answer",
        };
        if (error is not null)
        {
            Error = error;
            ErrorFor = assignment;
            Calls = await desk.ToCallAsync(Monday, User, ct);
            return Page();
        }

        TempData["Flash"] = answer == "accept" ? "calls.accepted" : "calls.declined";
        return Redirect("/reserve/planning/calls?week=" + Monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private void ResolveWeek()
    {
        var chosen = DateOnly.TryParseExact(Week?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : desk.Today.AddDays(7);
        Monday = PlanningDesk.MondayOf(chosen);
    }
}
