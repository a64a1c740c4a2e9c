using Microsoft.AspNetCore.Identity;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Modules.Access;

/// <summary>Accounts, roles, invitations and sign-in (with optional two-factor).</summary>
public static class AccessModule
{
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddIdentity<ReflexesUser, ReflexesRole>(IdentitySetup.Configure)
            .AddEntityFrameworkStores<ReflexesDbContext>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "reflexes.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));

        // No fallback policy: every endpoint declares its own (a test enforces it), and an unknown
        // address must answer 404 rather than a sign-in redirect.
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Staff))
            .AddPolicy(Policies.Administrator, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.DataProtectionOfficer, p => p.RequireRole(Roles.DataProtectionOfficer));

        services.AddScoped<InvitationService>();
        return services;
    }

    public static IApplicationBuilder UseTwoFactorRequirement(this IApplicationBuilder app) =>
        app.UseMiddleware<TwoFactorRequirementMiddleware>();
}
