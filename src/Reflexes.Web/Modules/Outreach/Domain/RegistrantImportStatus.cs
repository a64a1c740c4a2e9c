namespace Reflexes.Web.Modules.Outreach.Domain;

public enum RegistrantImportStatus
{
    /// <summary>Checked and waiting for the review of proposed duplicates.</summary>
    Staged,
    Committed,
    Cancelled,
}
