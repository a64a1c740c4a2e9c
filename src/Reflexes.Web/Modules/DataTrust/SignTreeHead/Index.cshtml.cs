using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Audit;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.DataTrust.SignTreeHead;

/// <summary>Lets the data-protection officer sign a tree head now, without waiting for the periodic job.</summary>
[Authorize(Policy = DataTrustPolicies.DataProtection)]
public sealed class IndexModel(ReflexesDbContext db, AuditSigning signing, AuditSequencer sequencer, IAuditLog log) : PageModel
{
    public long EntryCount { get; private set; }

    public long SignedSize { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await sequencer.IntegrateAsync(ct);
        EntryCount = await db.Set<AuditEntry>().LongCountAsync(ct);
        SignedSize = await db.Set<AuditTreeHead>().OrderByDescending(h => h.SignedAtUtc).Select(h => (long?)h.TreeSize).FirstOrDefaultAsync(ct) ?? 0;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Signing on demand is itself recorded, and covered by the head it produces.
        await log.AppendAsync(new AuditEvent($"user:{User.FindFirstValue(ClaimTypes.NameIdentifier)}", "audit.sign-tree-head", null, null, AuditResult.Allowed), ct);
        await signing.SignNowAsync(ct);
        TempData["Flash"] = "audit.sign.done";
        return Redirect("/audit#heads");
    }
}
