using System.Security.Cryptography;

namespace Reflexes.Audit;

/// <summary>The public half of the signing key, as published: SubjectPublicKeyInfo (DER, or PEM) and its SHA-256 fingerprint.</summary>
public sealed class TreeHeadPublicKey
{
    private readonly byte[] _subjectPublicKeyInfo;

    private TreeHeadPublicKey(byte[] subjectPublicKeyInfo)
    {
        _subjectPublicKeyInfo = subjectPublicKeyInfo;
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo));
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
        Pem = key.ExportSubjectPublicKeyInfoPem();
    }

    /// <summary>SHA-256 of the SubjectPublicKeyInfo, in lower-case hexadecimal.</summary>
    public string Fingerprint { get; }

    public string Pem { get; }

    public byte[] SubjectPublicKeyInfo => (byte[])_subjectPublicKeyInfo.Clone();

    /// <exception cref="CryptographicException">The bytes are not an ECDSA P-256 public key.</exception>
    public static TreeHeadPublicKey FromSubjectPublicKeyInfo(byte[] subjectPublicKeyInfo)
    {
        ArgumentNullException.ThrowIfNull(subjectPublicKeyInfo);
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out var read);
        if (read != subjectPublicKeyInfo.Length || key.KeySize != 256)
        {
            throw new CryptographicException("Not an ECDSA P-256 public key.");
        }

        return new TreeHeadPublicKey((byte[])subjectPublicKeyInfo.Clone());
    }

    /// <exception cref="CryptographicException">The text is not a PEM ECDSA P-256 public key.</exception>
    public static TreeHeadPublicKey FromPem(string pem)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return FromSubjectPublicKeyInfo(key.ExportSubjectPublicKeyInfo());
    }

    public bool Verifies(SignedTreeHead treeHead)
    {
        ArgumentNullException.ThrowIfNull(treeHead);
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(_subjectPublicKeyInfo, out _);
        return key.VerifyData(treeHead.Head.Encode(), treeHead.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }
}
