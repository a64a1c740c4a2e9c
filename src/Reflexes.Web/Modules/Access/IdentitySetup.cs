using Microsoft.AspNetCore.Identity;

namespace Reflexes.Web.Modules.Access;

/// <summary>Account rules shared by the web app and the command-line tool.</summary>
public static class IdentitySetup
{
    public static void Configure(IdentityOptions options)
    {
        // Length over composition rules, as ANSSI and NIST recommend.
        options.Password.RequiredLength = 12;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 4;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
    }
}
