namespace Reflexes.Web.Modules.DataTrust.Domain;

/// <summary>
/// The rule that decides whether a purpose may use a person's data: for a consent-based purpose, the
/// person's latest choice about the purpose's current version must be a consent that has not expired;
/// any other legal basis applies without a choice.
/// </summary>
public static class ConsentRule
{
    /// <param name="current">The purpose's current version.</param>
    /// <param name="latestForCode">The person's latest record for any version of the purpose, with that version's number.</param>
    public static ConsentState StateOf(ProcessingPurpose current, (ConsentRecord Record, int Version)? latestForCode, DateTime nowUtc)
    {
        if (latestForCode is not { } latest)
        {
            return ConsentState.NotAsked;
        }

        var (record, version) = latest;
        return StateOf(current, record.Choice, record.ExpiresAtUtc, version, nowUtc);
    }

    /// <param name="current">The purpose's current version.</param>
    /// <param name="choice">The person's latest choice for any version of the purpose.</param>
    /// <param name="expiresAtUtc">When that choice stops being valid (null: until withdrawn).</param>
    /// <param name="version">The purpose version that choice was about.</param>
    /// <param name="nowUtc">Now.</param>
    public static ConsentState StateOf(ProcessingPurpose current, ConsentChoice choice, DateTime? expiresAtUtc, int version, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(current);
        return choice switch
        {
            ConsentChoice.Refused => ConsentState.Refused,
            ConsentChoice.Withdrawn => ConsentState.Withdrawn,
            ConsentChoice.Given when version != current.Version => ConsentState.OutdatedVersion,
            ConsentChoice.Given when expiresAtUtc is { } end && end <= nowUtc => ConsentState.Expired,
            ConsentChoice.Given => ConsentState.Given,
            _ => throw new ArgumentOutOfRangeException(nameof(choice)),
        };
    }

    public static bool Allows(ProcessingPurpose current, ConsentState state) =>
        !current.RequiresConsent || state == ConsentState.Given;
}
