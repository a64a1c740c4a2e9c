using Microsoft.AspNetCore.Identity;

namespace Reflexes.Web.Modules.Access.Domain;

/// <summary>A role, with the territory's choice of whether holding it demands two-factor sign-in.</summary>
public sealed class ReflexesRole : IdentityRole
{
    public ReflexesRole()
    {
    }

    public ReflexesRole(string name) : base(name)
    {
    }

    public bool RequiresTwoFactor { get; private set; }

    public void RequireTwoFactor(bool required) => RequiresTwoFactor = required;
}
