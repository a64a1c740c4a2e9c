namespace Reflexes.Audit;

/// <summary>The outcome of verifying the whole log against its signed tree heads.</summary>
public sealed record AuditVerificationReport(
    long EntryCount,
    int TreeHeadCount,
    long SignedSize,
    IReadOnlyList<AuditProblem> Problems)
{
    public bool IsIntact => Problems.Count == 0;

    /// <summary>The first problem: entry problems come first, in log order, then tree-head problems.</summary>
    public AuditProblem? FirstProblem => Problems.Count > 0 ? Problems[0] : null;

    /// <summary>Entries appended after the latest signed tree head, checked one by one but not yet covered by a signature.</summary>
    public long UnsignedEntryCount => Math.Max(0, EntryCount - SignedSize);
}
