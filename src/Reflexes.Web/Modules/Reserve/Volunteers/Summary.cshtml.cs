using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Reserve.Skills;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Reserve.Volunteers;

/// <summary>
/// A printable summary of a volunteer's registration, for the coordinator to read out on the phone or post to someone
/// registered without an account (docs/adr/0327): what was recorded, how they will be contacted, how to change or leave.
/// </summary>
[Authorize(Policy = ReserveModule.CoordinationPolicy)]
public sealed class SummaryModel(VolunteerDesk desk, SkillCatalogue catalogue, ReflexesDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public VolunteerDesk.Details? Member { get; private set; }

    public IReadOnlyDictionary<Guid, string> SkillNames { get; private set; } = new Dictionary<Guid, string>();

    public string? Neighbourhood { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (details, decision) = await desk.GetAsync(Id, "reserve.volunteer-summary", User, ct);
        if (details is not { Volunteer.Active: true })
        {
            return details is null && decision is not null ? Forbid() : NotFound();
        }

        Member = details;
        SkillNames = (await catalogue.TreeAsync(ct)).ToDictionary(s => s.Id, s => s.Name);
        Neighbourhood = details.Volunteer.NeighbourhoodId is { } n
            ? await db.Neighbourhoods.AsNoTracking().Where(x => x.Id == n).Select(x => x.Name).FirstOrDefaultAsync(ct)
            : null;
        return Page();
    }
}
