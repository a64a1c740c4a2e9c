using Reflexes.Web.Modules.DataTrust.Contracts;

namespace Reflexes.Web.Modules.Outreach.Domain;

/// <summary>
/// An existing list of people (CSV) being imported into the register: tagged with the purpose it was
/// collected for and when and how it was collected. Its rows wait, staged, until an agent has reviewed
/// every proposed duplicate; then they are imported in one transaction and the staged rows are deleted.
/// </summary>
public sealed class RegistrantImportBatch
{
    private RegistrantImportBatch()
    {
    }

    public Guid Id { get; private set; }

    public string PurposeCode { get; private set; } = "";

    public DateOnly CollectedOn { get; private set; }

    public ConsentChannel Channel { get; private set; }

    /// <summary>Where the list comes from, in the agent's words (e.g. "CCAS, fichier 2025").</summary>
    public string SourceName { get; private set; } = "";

    public string FileName { get; private set; } = "";

    public string CreatedByUserId { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public RegistrantImportStatus Status { get; private set; }

    public int RowCount { get; private set; }

    public int CreatedCount { get; private set; }

    public int MergedCount { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    public static RegistrantImportBatch Stage(
        string purposeCode, DateOnly collectedOn, ConsentChannel channel, string sourceName, string fileName, int rowCount, string agentUserId, DateTime nowUtc)
    {
        if (channel == ConsentChannel.SelfService)
        {
            throw new ArgumentException("An imported list was collected by phone, on paper or in person.", nameof(channel));
        }

        return new RegistrantImportBatch
        {
            Id = Guid.NewGuid(),
            PurposeCode = purposeCode,
            CollectedOn = collectedOn,
            Channel = channel,
            SourceName = sourceName.Trim(),
            FileName = fileName.Length > 260 ? fileName[..260] : fileName,
            CreatedByUserId = agentUserId,
            CreatedAtUtc = nowUtc,
            Status = RegistrantImportStatus.Staged,
            RowCount = rowCount,
        };
    }

    public void Commit(int created, int merged, DateTime nowUtc)
    {
        EnsureStaged();
        Status = RegistrantImportStatus.Committed;
        (CreatedCount, MergedCount, ClosedAtUtc) = (created, merged, nowUtc);
    }

    public void Cancel(DateTime nowUtc)
    {
        EnsureStaged();
        Status = RegistrantImportStatus.Cancelled;
        ClosedAtUtc = nowUtc;
    }

    private void EnsureStaged()
    {
        if (Status != RegistrantImportStatus.Staged)
        {
            throw new InvalidOperationException("This import is already closed.");
        }
    }
}
