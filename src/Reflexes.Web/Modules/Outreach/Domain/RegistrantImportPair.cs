namespace Reflexes.Web.Modules.Outreach.Domain;

/// <summary>
/// Two records the matcher thinks may be the same person: a staged row and another row of the same
/// file, or a staged row and a person already in the register. Never merged without a person's decision.
/// </summary>
public sealed class RegistrantImportPair
{
    private RegistrantImportPair()
    {
    }

    public Guid Id { get; private set; }

    public Guid BatchId { get; private set; }

    /// <summary>The staged row (the later line when both are rows).</summary>
    public Guid RowId { get; private set; }

    /// <summary>The earlier row of the same file, when the pair is inside the file.</summary>
    public Guid? OtherRowId { get; private set; }

    /// <summary>The registration already in the register, when the pair is against it.</summary>
    public Guid? RegistrantId { get; private set; }

    public double Score { get; private set; }

    /// <summary>Why they look alike: message keys, one per line.</summary>
    public string Reasons { get; private set; } = "";

    public IReadOnlyList<string> ReasonList => Reasons.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static RegistrantImportPair WithinFile(Guid batchId, Guid rowId, Guid earlierRowId, RegistrantMatcher.Match match) =>
        new() { Id = Guid.NewGuid(), BatchId = batchId, RowId = rowId, OtherRowId = earlierRowId, Score = match.Score, Reasons = string.Join('\n', match.Reasons) };

    public static RegistrantImportPair WithRegister(Guid batchId, Guid rowId, Guid registrantId, RegistrantMatcher.Match match) =>
        new() { Id = Guid.NewGuid(), BatchId = batchId, RowId = rowId, RegistrantId = registrantId, Score = match.Score, Reasons = string.Join('\n', match.Reasons) };
}
