using Microsoft.EntityFrameworkCore;
using Reflexes.Audit;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.DataTrust.Audit;

/// <summary>Inclusion and consistency proofs over the stored log (rebuilt from the leaf hashes on each request).</summary>
internal sealed class AuditProofs(ReflexesDbContext db, AuditSequencer sequencer)
{
    /// <summary>The tree of every entry committed so far (pending entries are integrated first).</summary>
    public async Task<MerkleTree> TreeAsync(CancellationToken ct)
    {
        await sequencer.IntegrateAsync(ct);
        return new(await db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).Select(e => e.LeafHash).ToListAsync(ct));
    }

    public async Task<long?> LatestSignedSizeAsync(CancellationToken ct) =>
        await db.Set<AuditTreeHead>().AsNoTracking().OrderByDescending(h => h.SignedAtUtc).Select(h => (long?)h.TreeSize).FirstOrDefaultAsync(ct);
}
