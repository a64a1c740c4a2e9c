namespace Reflexes.Web.Modules.DataTrust.Audit;

/// <summary>
/// The platform's tree-head signing key: the public half in clear (it is published), the private half
/// encrypted with ASP.NET Core Data Protection (see docs/adr/0602).
/// </summary>
public sealed class AuditSigningKey
{
    private AuditSigningKey()
    {
    }

    public Guid Id { get; private set; }

    public string Fingerprint { get; private set; } = "";

    /// <summary>SubjectPublicKeyInfo, DER.</summary>
    public byte[] PublicKey { get; private set; } = [];

    /// <summary>The PKCS#8 private key, protected by Data Protection, base64.</summary>
    public string ProtectedPrivateKey { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    internal static AuditSigningKey Create(string fingerprint, byte[] publicKey, string protectedPrivateKey, DateTime createdAtUtc) => new()
    {
        Id = Guid.NewGuid(),
        Fingerprint = fingerprint,
        PublicKey = publicKey,
        ProtectedPrivateKey = protectedPrivateKey,
        CreatedAtUtc = createdAtUtc,
    };
}
