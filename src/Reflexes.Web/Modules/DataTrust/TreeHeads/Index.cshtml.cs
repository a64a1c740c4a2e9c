using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reflexes.Audit;
using Reflexes.Web.Modules.DataTrust.Audit;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.DataTrust.TreeHeads;

/// <summary>The public page of the audit log: the platform's public key and the signed tree heads, for anyone to keep and check.</summary>
[AllowAnonymous]
public sealed class IndexModel(ReflexesDbContext db, AuditVerification verification, AuditSequencer sequencer) : PageModel
{
    public const int Shown = 100;

    public IReadOnlyList<TreeHeadPublicKey> PublicKeys { get; private set; } = [];

    public IReadOnlyList<SignedTreeHead> Heads { get; private set; } = [];

    public int HeadCount { get; private set; }

    public long EntryCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await sequencer.IntegrateAsync(ct);
        PublicKeys = await verification.StoredKeysAsync(ct);
        HeadCount = await db.Set<AuditTreeHead>().CountAsync(ct);
        var rows = await db.Set<AuditTreeHead>().AsNoTracking()
            .OrderByDescending(h => h.SignedAtUtc).ThenByDescending(h => h.TreeSize).Take(Shown).ToListAsync(ct);
        Heads = [.. rows.Select(h => h.ToSigned())];
        EntryCount = await db.Set<AuditEntry>().LongCountAsync(ct);
    }
}
