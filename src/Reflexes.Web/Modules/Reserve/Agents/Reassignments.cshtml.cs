using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Modules.Territory.Domain;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Platform.Forms;

namespace Reflexes.Web.Modules.Reserve.Agents;

/// <summary>
/// The coordination unit's view of agents' reassignments: records the mentor the host service names and
/// the agent's return, and sets the yearly quota of volunteer days per organisation.
/// </summary>
[Authorize(Policy = ReserveModule.CoordinationPolicy)]
public sealed class ReassignmentsModel(ReassignmentDesk desk, ReflexesDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public string? OrganisationId { get; set; }
    [BindProperty] public string? Year { get; set; }
    [BindProperty] public string? Days { get; set; }

    public IReadOnlyList<ReassignmentDesk.ReassignmentView> All { get; private set; } = [];

    public IReadOnlyList<ReassignmentQuota> Quotas { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name, OrganisationKind Kind)> Organisations { get; private set; } = [];

    public int CurrentYear => clock.GetUtcNow().UtcDateTime.Year;

    public FormErrors Errors { get; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = CurrentYear.ToString(CultureInfo.InvariantCulture);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostMentorAsync(Guid id, string? mentor, CancellationToken ct)
    {
        if (!await desk.NameMentorAsync(id, mentor, User, ct))
        {
            Errors.Add("mentor-" + id, "reassignment.error.mentor");
            await LoadAsync(ct);
            return Page();
        }

        TempData["Flash"] = "reassignment.mentor-named";
        return Redirect("/reserve/agents/reassignments");
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, string? on, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || !await desk.EndAsync(id, day, User, ct))
        {
            Errors.Add("end-" + id, "reassignment.error.end");
            await LoadAsync(ct);
            return Page();
        }

        TempData["Flash"] = "reassignment.ended";
        return Redirect("/reserve/agents/reassignments");
    }

    public async Task<IActionResult> OnPostQuotaAsync(CancellationToken ct)
    {
        if (!Guid.TryParse(OrganisationId, out var organisation))
        {
            Errors.Add(nameof(OrganisationId), "quota.error.organisation");
        }

        if (!int.TryParse(Year, NumberStyles.Integer, CultureInfo.InvariantCulture, out var year))
        {
            Errors.Add(nameof(Year), "quota.error.year");
        }

        if (!int.TryParse(Days, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days))
        {
            Errors.Add(nameof(Days), "quota.error.days");
        }

        if (!Errors.Any && await desk.SetQuotaAsync(organisation, year, days, User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct) is { } error)
        {
            Errors.Add(error.Field, error.Key);
        }

        if (Errors.Any)
        {
            await LoadAsync(ct);
            return Page();
        }

        TempData["Flash"] = "quota.saved";
        return Redirect("/reserve/agents/reassignments");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        All = await desk.AllAsync(User, ct);
        var year = int.TryParse(Year, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) ? y : CurrentYear;
        Quotas = await desk.QuotasAsync(year, ct);
        Organisations = [.. (await db.Organisations.AsNoTracking().Where(o => o.Kind != OrganisationKind.Association).Select(o => new { o.Id, o.Name, o.Kind }).ToListAsync(ct))
            .OrderBy(o => o.Kind).ThenBy(o => o.Name, StringComparer.CurrentCulture).Select(o => (o.Id, o.Name, o.Kind))];
    }
}
