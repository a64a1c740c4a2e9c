using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.Outreach.Referrals;

namespace Reflexes.Web.Modules.Outreach.Orientation;

/// <summary>Referrals by category and by service, lateness, delays, and the CSV export.</summary>
[Authorize(Policy = ReferralServices.OrientationPolicy)]
public sealed class DashboardModel(OrientationDashboard dashboard, ServiceMembership services, IStringLocalizer text) : PageModel
{
    public ReferralFigures Figures { get; private set; } = ReferralFigures.From([], DateTime.UnixEpoch);

    public IReadOnlyDictionary<Guid, string> ServiceNames { get; private set; } = new Dictionary<Guid, string>();

    public bool CanExportPersonalData => User.IsInRole(Roles.Orientator);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Figures = await dashboard.FiguresAsync(ct);
        ServiceNames = await services.NamesAsync(ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? purpose, CancellationToken ct)
    {
        var (csv, personal) = await dashboard.ExportAsync(User, string.IsNullOrWhiteSpace(purpose) ? null : purpose.Trim(), ct);
        var name = personal ? "orientations-nominatives.csv" : "orientations.csv";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", name);
    }

    public string ServiceName(string key) =>
        key.Length == 0 ? text["referral.no-service"] : Guid.TryParse(key, out var id) ? ServiceNames.GetValueOrDefault(id, "—") : "—";

    public string Duration(TimeSpan? span) => span switch
    {
        null => "—",
        { TotalHours: < 48 } s => text["dashboard.hours", s.TotalHours.ToString("0.#", CultureInfo.CurrentCulture)],
        var s => text["dashboard.days", s.Value.TotalDays.ToString("0.#", CultureInfo.CurrentCulture)],
    };
}
