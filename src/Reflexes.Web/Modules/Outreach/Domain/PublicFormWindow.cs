namespace Reflexes.Web.Modules.Outreach.Domain;

/// <summary>
/// How many public registrations one client address sent in one hour, shared by every app instance on
/// the database. The address is kept only as a keyed hash that changes every hour; rows older than the
/// previous hour are deleted (ADR 0533).
/// </summary>
public sealed class PublicFormWindow
{
    private PublicFormWindow()
    {
    }

    /// <summary>Hex HMAC-SHA256 of the address, keyed with the hour, so one hour's rows cannot be linked to the next.</summary>
    public string AddressHash { get; private set; } = "";

    /// <summary>Whole hours since the Unix epoch (UTC).</summary>
    public long WindowHour { get; private set; }

    public int Count { get; private set; }
}
