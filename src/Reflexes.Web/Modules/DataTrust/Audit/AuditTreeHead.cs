using Reflexes.Audit;

namespace Reflexes.Web.Modules.DataTrust.Audit;

/// <summary>A signed tree head as stored and published: the log's size and root at a moment, signed by the platform.</summary>
public sealed class AuditTreeHead
{
    private AuditTreeHead()
    {
    }

    public Guid Id { get; private set; }

    public string Origin { get; private set; } = "";

    public long TreeSize { get; private set; }

    public byte[] RootHash { get; private set; } = [];

    public DateTime SignedAtUtc { get; private set; }

    public byte[] Signature { get; private set; } = [];

    /// <summary>SHA-256 of the public key that verifies the signature.</summary>
    public string KeyFingerprint { get; private set; } = "";

    internal static AuditTreeHead From(SignedTreeHead signed, string keyFingerprint) => new()
    {
        Id = Guid.NewGuid(),
        Origin = signed.Head.Origin,
        TreeSize = signed.Head.Size,
        RootHash = signed.Head.Root,
        SignedAtUtc = signed.Head.Timestamp.UtcDateTime,
        Signature = signed.Signature,
        KeyFingerprint = keyFingerprint,
    };

    public SignedTreeHead ToSigned() =>
        new(new TreeHead(Origin, TreeSize, RootHash, new DateTimeOffset(DateTime.SpecifyKind(SignedAtUtc, DateTimeKind.Utc))), Signature);
}
