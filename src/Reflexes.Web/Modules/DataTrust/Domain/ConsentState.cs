namespace Reflexes.Web.Modules.DataTrust.Domain;

/// <summary>Where a person stands with a purpose now, read from their latest record and the date.</summary>
public enum ConsentState
{
    /// <summary>No record for the purpose's current version.</summary>
    NotAsked,
    Given,
    Refused,
    Withdrawn,
    Expired,

    /// <summary>Given for an earlier version; the current version has not been agreed to.</summary>
    OutdatedVersion,
}
