namespace Reflexes.Web.Modules.Access.Domain;

/// <summary>The roles a person can hold; several at once.</summary>
public static class Roles
{
    public const string Administrator = "administrator";
    public const string Coordinator = "coordinator";
    public const string Agent = "agent";
    public const string Orientator = "orientator";
    public const string DataProtectionOfficer = "dpo";
    public const string DecisionMaker = "decision-maker";
    public const string Partner = "partner";
    public const string Resident = "resident";

    public static readonly IReadOnlyList<string> All =
    [
        Administrator, Coordinator, Agent, Orientator, DataProtectionOfficer, DecisionMaker, Partner, Resident,
    ];

    /// <summary>Roles held by public staff (as opposed to partners and residents).</summary>
    public static readonly IReadOnlyList<string> Staff =
    [
        Administrator, Coordinator, Agent, Orientator, DataProtectionOfficer, DecisionMaker,
    ];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
