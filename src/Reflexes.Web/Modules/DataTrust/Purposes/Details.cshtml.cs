using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.DataTrust.Purposes;

/// <summary>One purpose, its current terms and every earlier version.</summary>
[AllowAnonymous]
public sealed class DetailsModel(ReflexesDbContext db) : PageModel
{
    public IReadOnlyList<ProcessingPurpose> Versions { get; private set; } = [];

    public ProcessingPurpose Current => Versions[0];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Versions = await db.ProcessingPurposes.AsNoTracking().Where(p => p.Code == code).OrderByDescending(p => p.Version).ToListAsync(ct);
        return Versions.Count == 0 ? NotFound() : Page();
    }
}
