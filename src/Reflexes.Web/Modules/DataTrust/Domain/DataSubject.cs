namespace Reflexes.Web.Modules.DataTrust.Domain;

/// <summary>
/// A person whose data Reflexes holds, known to the data trust by an identifier only. Names, addresses
/// and phone numbers stay in the modules that need them, keyed by this identifier; the data trust holds
/// the person's choices about them.
/// </summary>
public sealed class DataSubject
{
    private DataSubject()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The person's own account, when they have one (residents signing in themselves).</summary>
    public string? UserId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public static DataSubject Create(string? userId, DateTime nowUtc) =>
        new() { Id = Guid.NewGuid(), UserId = userId, CreatedAtUtc = nowUtc };
}
