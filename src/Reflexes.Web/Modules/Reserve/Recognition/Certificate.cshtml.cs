using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reflexes.Web.Modules.Access;

namespace Reflexes.Web.Modules.Reserve.Recognition;

/// <summary>The volunteer's printable certificate of engagement (print style sheet hides the site's chrome).</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class CertificateModel(RecognitionDesk desk, TimeProvider clock) : PageModel
{
    public RecognitionDesk.Certificate Certificate { get; private set; } = null!;

    public DateOnly Issued => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task OnGetAsync(CancellationToken ct) => Certificate = await desk.MineAsync(User, ct);
}
