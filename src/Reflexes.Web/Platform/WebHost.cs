using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.DataTrust;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Platform.Localization;
using Reflexes.Web.Platform.Security;

namespace Reflexes.Web.Platform;

/// <summary>The web host: composition of the modules, the security pipeline, localisation and health.</summary>
public static class WebHost
{
    public const string SignInRateLimit = "sign-in";

    public static WebApplicationBuilder AddReflexesWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddReflexesCore(builder.Configuration, builder.Environment);
        services.AddAccess();
        services.AddDataTrustJobs();

        services.AddDataProtection().SetApplicationName("Reflexes");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));

        // French text is served as characters, not numeric entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(JsonStringLocalizer.French);
            options.SupportedCultures = [.. JsonStringLocalizer.SupportedCultures];
            options.SupportedUICultures = [.. JsonStringLocalizer.SupportedCultures];
            // French first: the browser's language is not consulted; people choose with the switch.
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Modules";
        })
        .AddMvcOptions(options =>
        {
            options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            var text = new JsonStringLocalizer();
            var messages = options.ModelBindingMessageProvider;
            messages.SetValueMustNotBeNullAccessor(_ => text["validation.required"]);
            messages.SetAttemptedValueIsInvalidAccessor((_, _) => text["validation.invalid"]);
            messages.SetValueIsInvalidAccessor(_ => text["validation.invalid"]);
            messages.SetValueMustBeANumberAccessor(_ => text["validation.number"]);
            messages.SetMissingBindRequiredValueAccessor(_ => text["validation.required"]);
            messages.SetMissingKeyOrValueAccessor(() => text["validation.required"]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => text["validation.invalid"]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => text["validation.number"]);
            messages.SetUnknownValueIsInvalidAccessor(_ => text["validation.invalid"]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => text["validation.required"]);
        })
        .AddDataAnnotationsLocalization(options =>
            options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(JsonStringLocalizer)));

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "reflexes.af";
            o.FormFieldName = "__af";
        });

        var security = builder.Configuration.GetSection(SecuritySettings.SectionName).Get<SecuritySettings>() ?? new SecuritySettings();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignInRateLimit, context =>
                HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = security.SignInPermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("get"));
        });

        services.AddProblemDetails();
        services.AddHealthChecks().AddDbContextCheck<ReflexesDbContext>("database", tags: ["ready"]);
        services.Configure<ForwardedHeadersOptions>(o =>
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddHttpsRedirection(o => o.HttpsPort = security.HttpsPort);
        return builder;
    }

    public static WebApplication UseReflexesWeb(this WebApplication app)
    {
        var security = app.Services.GetRequiredService<SecuritySettings>();
        var requireHttps = security.RequireHttps ?? !app.Environment.IsDevelopment();

        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // People get a friendly page, never a stack trace, in every environment.
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        if (requireHttps)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseTwoFactorRequirement();
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapPost("/culture", SetCulture).AllowAnonymous();
        app.MapRazorPages();
        app.MapDataTrust();
        return app;
    }

    public static async Task InitialiseDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(app.Lifetime.ApplicationStopping);
    }

    private static IResult SetCulture(HttpContext context, [FromForm] string culture, [FromForm] string? returnUrl)
    {
        var chosen = JsonStringLocalizer.SupportedCultures.FirstOrDefault(c =>
            string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase)
            || string.Equals(c.TwoLetterISOLanguageName, culture, StringComparison.OrdinalIgnoreCase));
        if (chosen is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unsupported culture.");
        }

        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/";
        return Results.LocalRedirect(target);
    }

    internal static string FormatNumber(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    internal static IStringLocalizer Text(this HttpContext context) => context.RequestServices.GetRequiredService<IStringLocalizer>();
}
