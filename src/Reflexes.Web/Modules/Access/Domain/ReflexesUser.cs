using Microsoft.AspNetCore.Identity;

namespace Reflexes.Web.Modules.Access.Domain;

/// <summary>An account on the platform: staff, partners and residents alike.</summary>
public sealed class ReflexesUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
}
