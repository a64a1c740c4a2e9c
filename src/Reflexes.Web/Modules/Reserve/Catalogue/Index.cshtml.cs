using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Modules.Reserve.Missions;

namespace Reflexes.Web.Modules.Reserve.Catalogue;

/// <summary>
/// The public catalogue of published missions, filtered by skill, neighbourhood, date and priority. The list is
/// the content; a map of the same missions is added by script where it runs (progressive enhancement).
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(CatalogueDesk catalogue, MissionDesk missions, IOptions<CatalogueMapSettings> map) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Skill { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? NeighbourhoodId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }
    [BindProperty(SupportsGet = true)] public MissionPriority? Priority { get; set; }

    public IReadOnlyList<Mission> Missions { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Organisations { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyDictionary<Guid, string> Neighbourhoods { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyDictionary<string, string> Skills { get; private set; } = new Dictionary<string, string>();

    public CatalogueMapSettings Map => map.Value;

    public bool CrisisMode { get; private set; }

    public bool DateInvalid { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(Date))
        {
            if (DateOnly.TryParseExact(Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                date = d;
            }
            else
            {
                DateInvalid = true;
            }
        }

        if (Priority is { } p && !Enum.IsDefined(p))
        {
            Priority = null;
        }

        Missions = await catalogue.SearchAsync(new CatalogueFilter(string.IsNullOrWhiteSpace(Skill) ? null : Skill, NeighbourhoodId, date, Priority), ct);
        Organisations = await missions.OrganisationNamesAsync(ct);
        Neighbourhoods = await missions.NeighbourhoodNamesAsync(ct);
        Skills = await missions.SkillLabelsAsync(ct);
        CrisisMode = await missions.CrisisModeAsync(ct);
    }
}
