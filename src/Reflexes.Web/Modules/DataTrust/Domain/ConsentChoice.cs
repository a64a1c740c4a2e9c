namespace Reflexes.Web.Modules.DataTrust.Domain;

/// <summary>What a person said about a purpose version. Expiry is not a choice: it is read from the date.</summary>
public enum ConsentChoice
{
    Given,
    Refused,
    Withdrawn,
}
