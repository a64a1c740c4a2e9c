namespace Reflexes.Audit;

/// <summary>An entry as read back from storage: what it says and the leaf hash recorded when it was appended.</summary>
public sealed record StoredAuditEntry(AuditRecord Record, byte[] RecordedLeafHash);
