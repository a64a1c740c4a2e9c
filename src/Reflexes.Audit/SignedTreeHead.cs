namespace Reflexes.Audit;

/// <summary>A tree head with the platform's ECDSA P-256 / SHA-256 signature (DER) over its canonical encoding.</summary>
public sealed record SignedTreeHead(TreeHead Head, byte[] Signature);
