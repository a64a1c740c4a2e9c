using System.Security.Cryptography;

namespace Reflexes.Audit;

/// <summary>Signs tree heads with an ECDSA P-256 key held by the platform.</summary>
public sealed class TreeHeadSigner
{
    private readonly ECDsa _key;

    public TreeHeadSigner(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.KeySize != 256)
        {
            throw new ArgumentException("Tree heads are signed with a P-256 key.", nameof(key));
        }

        _key = key;
        PublicKey = TreeHeadPublicKey.FromSubjectPublicKeyInfo(key.ExportSubjectPublicKeyInfo());
    }

    public TreeHeadPublicKey PublicKey { get; }

    public static ECDsa CreateKey() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public SignedTreeHead Sign(TreeHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        var signature = _key.SignData(head.Encode(), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return new SignedTreeHead(head, signature);
    }
}
