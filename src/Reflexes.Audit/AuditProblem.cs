namespace Reflexes.Audit;

/// <summary>One problem found by the verifier; <see cref="Position"/> is the entry's sequence number when the problem is about an entry.</summary>
public sealed record AuditProblem(AuditProblemKind Kind, long? Position, string Message);
