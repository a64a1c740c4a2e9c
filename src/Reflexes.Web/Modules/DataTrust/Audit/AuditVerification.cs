using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Reflexes.Audit;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.DataTrust.Audit;

/// <summary>Reads the whole log and its signed heads from the database and checks them (used by `reflexes audit verify`).</summary>
public sealed class AuditVerification(ReflexesDbContext db, AuditSequencer sequencer)
{
    /// <param name="pinnedKey">A public key obtained out of band (the published one); when null, the keys stored in the database are trusted.</param>
    /// <param name="origin">The log's expected origin; when null, the origin of the earliest head.</param>
    /// <param name="keptHeads">Signed heads copied from the public page earlier and kept outside the platform: they are checked too, and must still be published.</param>
    public async Task<AuditVerificationReport> VerifyAsync(
        TreeHeadPublicKey? pinnedKey, string? origin, CancellationToken ct, IReadOnlyList<SignedTreeHead>? keptHeads = null)
    {
        // Entries committed but not yet integrated are part of the log: integrate them, then check everything.
        await sequencer.IntegrateAsync(ct);
        var entries = await db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(ct);
        var stored = (await db.Set<AuditTreeHead>().AsNoTracking().OrderBy(h => h.SignedAtUtc).ThenBy(h => h.TreeSize).ToListAsync(ct))
            .Select(h => h.ToSigned()).ToList();
        var missing = (keptHeads ?? []).Where(k => !stored.Any(s => SameHead(s, k))).ToList();
        var heads = stored.Concat(missing).ToList();
        var keys = pinnedKey is not null ? [pinnedKey] : await StoredKeysAsync(ct);
        var verifier = new AuditLogVerifier(keys, origin ?? heads.OrderBy(h => h.Head.Timestamp).FirstOrDefault()?.Head.Origin);
        var report = verifier.Verify([.. entries.Select(e => e.ToStored())], heads);
        if (missing.Count == 0)
        {
            return report;
        }

        return report with
        {
            Problems = [.. report.Problems, .. missing.Select(m => new AuditProblem(AuditProblemKind.MissingTreeHead, null, string.Create(CultureInfo.InvariantCulture,
                $"The tree head of size {m.Head.Size} signed at {m.Head.Timestamp:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}, kept outside the platform, is missing from the database.")))],
        };
    }

    private static bool SameHead(SignedTreeHead a, SignedTreeHead b) =>
        a.Head.Equals(b.Head) && a.Signature.AsSpan().SequenceEqual(b.Signature);

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
