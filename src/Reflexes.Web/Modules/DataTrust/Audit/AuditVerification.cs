using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Reflexes.Audit;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.DataTrust.Audit;

/// <summary>Reads the whole log and its signed heads from the database and checks them (used by `reflexes audit verify`).</summary>
public sealed class AuditVerification(ReflexesDbContext db)
{
    /// <param name="pinnedKey">A public key obtained out of band (the published one); when null, the keys stored in the database are trusted.</param>
    /// <param name="origin">The log's expected origin; when null, the origin of the earliest head.</param>
    public async Task<AuditVerificationReport> VerifyAsync(TreeHeadPublicKey? pinnedKey, string? origin, CancellationToken ct)
    {
        var entries = await db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(ct);
        var heads = await db.Set<AuditTreeHead>().AsNoTracking().OrderBy(h => h.SignedAtUtc).ThenBy(h => h.TreeSize).ToListAsync(ct);
        var keys = pinnedKey is not null ? [pinnedKey] : await StoredKeysAsync(ct);
        var verifier = new AuditLogVerifier(keys, origin ?? heads.FirstOrDefault()?.Origin);
        return verifier.Verify([.. entries.Select(e => e.ToStored())], [.. heads.Select(h => h.ToSigned())]);
    }

    public async Task<IReadOnlyList<TreeHeadPublicKey>> StoredKeysAsync(CancellationToken ct)
    {
        var keys = new List<TreeHeadPublicKey>();
        foreach (var bytes in await db.Set<AuditSigningKey>().AsNoTracking().OrderBy(k => k.CreatedAtUtc).Select(k => k.PublicKey).ToListAsync(ct))
        {
            try
            {
                keys.Add(TreeHeadPublicKey.FromSubjectPublicKeyInfo(bytes));
            }
            catch (CryptographicException)
            {
                // A damaged key row: heads signed with it then fail their signature check, which is reported.
            }
        }

        return keys;
    }
}
