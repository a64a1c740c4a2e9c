using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Reflexes.Audit;
using Reflexes.Web.Modules.DataTrust.Audit;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.DataTrust.PublishedProofs;

/// <summary>The JSON face of the audit log: signed tree heads, consistency proofs, inclusion proofs (RFC 6962 hashes in base64).</summary>
internal static class AuditProofEndpoints
{
    public static async Task<IResult> TreeHeadsAsync(ReflexesDbContext db, AuditVerification verification, CancellationToken ct)
    {
        var keys = await verification.StoredKeysAsync(ct);
        var heads = await db.Set<AuditTreeHead>().AsNoTracking().OrderByDescending(h => h.SignedAtUtc).ThenByDescending(h => h.TreeSize).ToListAsync(ct);
        return Results.Ok(new TreeHeadsResponse(
            TreeHead.Format,
            [.. keys.Select(k => new PublicKeyResponse(k.Fingerprint, k.Pem))],
            [.. heads.Select(TreeHeadResponse.From)]));
    }

    public static async Task<IResult> ConsistencyAsync(AuditProofs proofs, [FromQuery] long? first, [FromQuery] long? second, CancellationToken ct)
    {
        var tree = await proofs.TreeAsync(ct);
        if (first is not { } size1 || second is not { } size2 || size1 < 1 || size2 < size1 || size2 > tree.Size)
        {
            return Problem($"Give two tree sizes with 1 ≤ first ≤ second ≤ {tree.Size} (the current size of the log).");
        }

        return Results.Ok(new ConsistencyResponse(size1, size2, tree.Root(size1), tree.Root(size2), tree.ConsistencyProof(size1, size2)));
    }

    public static async Task<IResult> InclusionAsync(
        AuditProofs proofs, IAuditLog log, ClaimsPrincipal user, [FromQuery] long? sequence, [FromQuery] long? treeSize, CancellationToken ct)
    {
        var tree = await proofs.TreeAsync(ct);
        var size = treeSize ?? await proofs.LatestSignedSizeAsync(ct) ?? tree.Size;
        if (sequence is not { } index || index < 0 || size < 1 || size > tree.Size || index >= size)
        {
            return Problem($"Give an entry's sequence number and a tree size with 0 ≤ sequence < treeSize ≤ {tree.Size} (the current size of the log).");
        }

        // Who looked at which entry is itself recorded (after the proof is computed, so it does not change it).
        await log.AppendAsync(new AuditEvent(
            $"user:{user.FindFirstValue(ClaimTypes.NameIdentifier)}", "audit.inclusion-proof", null,
            string.Create(CultureInfo.InvariantCulture, $"audit-entry:{index}"), AuditResult.Allowed), ct);
        return Results.Ok(new InclusionResponse(index, size, tree.LeafHash(index), tree.Root(size), tree.InclusionProof(index, size)));
    }

    private static IResult Problem(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid proof request.", detail: detail);

    internal sealed record TreeHeadsResponse(string Format, IReadOnlyList<PublicKeyResponse> PublicKeys, IReadOnlyList<TreeHeadResponse> TreeHeads);

    internal sealed record PublicKeyResponse(string Fingerprint, string Pem);

    internal sealed record TreeHeadResponse(string Origin, long TreeSize, byte[] RootHash, long Timestamp, DateTime SignedAtUtc, byte[] Signature, string KeyFingerprint, string SignedText)
    {
        public static TreeHeadResponse From(AuditTreeHead h)
        {
            var signed = h.ToSigned();
            return new(h.Origin, h.TreeSize, h.RootHash, signed.Head.Timestamp.ToUnixTimeMilliseconds(), h.SignedAtUtc, h.Signature, h.KeyFingerprint,
                System.Text.Encoding.UTF8.GetString(signed.Head.Encode()));
        }
    }

    internal sealed record ConsistencyResponse(long First, long Second, byte[] FirstRoot, byte[] SecondRoot, IReadOnlyList<byte[]> Proof);

    internal sealed record InclusionResponse(long Sequence, long TreeSize, byte[] LeafHash, byte[] RootHash, IReadOnlyList<byte[]> Proof);
}
