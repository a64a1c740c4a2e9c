namespace Reflexes.Web.Modules.DataTrust.Audit;

/// <summary>Configuration section "Audit".</summary>
public sealed class AuditSettings
{
    public const string SectionName = "Audit";

    /// <summary>Names this platform's log in every signed tree head (for instance the public address).</summary>
    public string Origin { get; set; } = "reflexes";

    /// <summary>How often each instance integrates pending entries into the log (the merge delay, docs/adr/0603).</summary>
    public TimeSpan IntegrationInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the background job signs a new tree head when the log has grown.</summary>
    public TimeSpan SigningInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A head is signed at least this often even without new entries, to show the log is alive.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromDays(1);
}
