using Microsoft.AspNetCore.Identity;

namespace Reflexes.Web.Modules.Access.Domain;

/// <summary>An account on the platform: staff, partners and residents alike.</summary>
public sealed class ReflexesUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The language e-mails and notifications are written in for this person ("fr" or "en"); French by default.</summary>
    public string PreferredLanguage { get; set; } = "fr";
}
