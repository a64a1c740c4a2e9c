using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.Reserve.Skills;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.Reserve.Agents;

/// <summary>
/// An agent's personal reassignment plan: their volunteer-day balance, their reassignment periods (asked,
/// approved, with mentor and planned return), the half-days given and skills used, and a form to ask
/// their home manager for a new period.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class PlanModel(ReassignmentDesk desk, SkillCatalogue catalogue, ReflexesDbContext db) : PageModel
{
    [BindProperty] public string? HostOrganisationId { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? StartDate { get; set; }
    [BindProperty] public string? PlannedEndDate { get; set; }
    [BindProperty] public string? PlannedReturnDate { get; set; }

    public ReassignmentDesk.Plan? Plan { get; private set; }

    public IReadOnlyDictionary<Guid, string> SkillNames { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyList<(Guid Id, string Name)> Hosts { get; private set; } = [];

    public FormErrors Errors { get; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRequestAsync(CancellationToken ct)
    {
        var start = ParseDate(StartDate, nameof(StartDate));
        var end = ParseDate(PlannedEndDate, nameof(PlannedEndDate));
        var back = ParseDate(PlannedReturnDate, nameof(PlannedReturnDate));
        var host = Guid.TryParse(HostOrganisationId, out var h) ? h : Guid.Empty;
        if (!Errors.Any)
        {
            var (created, errors) = await desk.RequestAsync(User, host, Description, start, end, back, ct);
            foreach (var (field, key) in errors)
            {
                Errors.Add(field, key);
            }

            if (created is not null)
            {
                TempData["Flash"] = "reassignment.requested";
                return Redirect("/reserve/agents/plan");
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        if (!await desk.CancelAsync(id, User, ct))
        {
            return NotFound();
        }

        TempData["Flash"] = "reassignment.cancelled";
        return Redirect("/reserve/agents/plan");
    }

    private DateOnly? ParseDate(string? text, string field)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Errors.Add(field, "reassignment.error.date");
        return null;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Plan = await desk.PlanAsync(User, ct);
        SkillNames = (await catalogue.TreeAsync(ct)).ToDictionary(s => s.Id, s => s.Name);
        Hosts = [.. (await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .OrderBy(o => o.Name, StringComparer.CurrentCulture).Select(o => (o.Id, o.Name))];
    }
}
