using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Reflexes.Audit;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.DataTrust.Audit;

/// <summary>
/// Signs tree heads with the platform's key, creating the key on first use. Safe with several
/// instances: a PostgreSQL advisory lock (SQLite: the single writer) lets one instance sign at a time,
/// and the others then find the head already signed.
/// </summary>
public sealed class AuditSigning(ReflexesDbContext db, AuditSequencer sequencer, IDataProtectionProvider protection, AuditSettings settings, TimeProvider clock)
{
    private const long SigningLockKey = 0x524546534947; // "REFSIG"
    private const string ProtectionPurpose = "Reflexes.DataTrust.AuditSigningKey.v1";

    /// <summary>Signs a head if the log grew since the last one, or the last one is older than the refresh interval; returns it, or null when none was due.</summary>
    public Task<AuditTreeHead?> SignIfDueAsync(CancellationToken ct) => SignAsync(force: false, ct);

    /// <summary>Signs a head of the current log now (on demand), even at the same size as the last.</summary>
    public async Task<AuditTreeHead> SignNowAsync(CancellationToken ct) => (await SignAsync(force: true, ct))!;

    private async Task<AuditTreeHead?> SignAsync(bool force, CancellationToken ct)
    {
        // A head covers every entry committed before it is signed: integrate the pending ones first.
        await sequencer.IntegrateAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SigningLockKey})", ct);
        }

        // One statement, one snapshot: integrations are serialised and each commits a contiguous run, so it is always a prefix of the log.
        var leaves = await db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).Select(e => e.LeafHash).ToListAsync(ct);
        var latest = await db.Set<AuditTreeHead>().AsNoTracking()
            .OrderByDescending(h => h.SignedAtUtc).ThenByDescending(h => h.TreeSize).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        if (!force && latest is not null && latest.TreeSize == leaves.Count && now - latest.SignedAtUtc < settings.RefreshInterval)
        {
            return null;
        }

        // Heads stay in time order even if this instance's clock lags behind the one that signed last.
        var latestTime = latest is null ? DateTimeOffset.MinValue : new DateTimeOffset(latest.SignedAtUtc, TimeSpan.Zero);
        var timestamp = now > latestTime ? now : latestTime.AddMilliseconds(1);

        var (key, fingerprint) = await SigningKeyAsync(ct);
        using (key)
        {
            var root = new MerkleTree(leaves).Root();
            var signed = new TreeHeadSigner(key).Sign(new TreeHead(settings.Origin, leaves.Count, root, timestamp));
            var head = AuditTreeHead.From(signed, fingerprint);
            db.Add(head);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return head;
        }
    }

    private async Task<(ECDsa Key, string Fingerprint)> SigningKeyAsync(CancellationToken ct)
    {
        var protector = protection.CreateProtector(ProtectionPurpose);
        var stored = await db.Set<AuditSigningKey>().AsNoTracking().OrderByDescending(k => k.CreatedAtUtc).FirstOrDefaultAsync(ct);
        var key = ECDsa.Create();
        if (stored is not null)
        {
            key.ImportPkcs8PrivateKey(protector.Unprotect(Convert.FromBase64String(stored.ProtectedPrivateKey)), out _);
            return (key, stored.Fingerprint);
        }

        key.GenerateKey(ECCurve.NamedCurves.nistP256);
        var publicKey = TreeHeadPublicKey.FromSubjectPublicKeyInfo(key.ExportSubjectPublicKeyInfo());
        var created = AuditSigningKey.Create(
            publicKey.Fingerprint,
            publicKey.SubjectPublicKeyInfo,
            Convert.ToBase64String(protector.Protect(key.ExportPkcs8PrivateKey())),
            clock.GetUtcNow().UtcDateTime);
        db.Add(created);
        await db.SaveChangesAsync(ct);
        return (key, created.Fingerprint);
    }
}
