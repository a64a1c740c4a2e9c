using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Reflexes.Web.Modules.Reserve.Recognition;

/// <summary>Hours given per volunteer, for the coordination unit's thanks and reports.</summary>
[Authorize(Policy = ReserveModule.CoordinationPolicy)]
public sealed class IndexModel(RecognitionDesk desk) : PageModel
{
    public IReadOnlyList<RecognitionDesk.Line> Lines { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Lines = await desk.HoursAsync(User, ct);
}
