using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Reserve.Domain;

namespace Reflexes.Web.Modules.Reserve.Missions;

/// <summary>The missions a person posted (or their organisation's); every mission for the coordination unit.</summary>
[Authorize(Policy = ReserveModule.PostingPolicy)]
public sealed class IndexModel(MissionDesk desk) : PageModel
{
    [BindProperty(SupportsGet = true)] public MissionStatus? Status { get; set; }

    public IReadOnlyList<Mission> Missions { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Organisations { get; private set; } = new Dictionary<Guid, string>();

    public bool CrisisMode { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Status is { } s && !Enum.IsDefined(s))
        {
            Status = null;
        }

        Missions = await desk.ListForAsync(User, Status, ct);
        Organisations = await desk.OrganisationNamesAsync(ct);
        CrisisMode = await desk.CrisisModeAsync(ct);
    }
}
