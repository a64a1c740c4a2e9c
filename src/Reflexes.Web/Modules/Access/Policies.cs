namespace Reflexes.Web.Modules.Access;

/// <summary>Authorization policy names. Every page and endpoint names one, or allows anonymous access explicitly.</summary>
public static class Policies
{
    /// <summary>Any signed-in person.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Public staff: administrator, coordinator, agent, orientator, DPO, decision-maker.</summary>
    public const string Staff = "staff";

    public const string Administrator = "administrator";

    /// <summary>The data-protection officer.</summary>
    public const string DataProtectionOfficer = "dpo";
}
