using Microsoft.Extensions.Localization;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.DataTrust;
using Reflexes.Web.Modules.Outreach;
using Reflexes.Web.Modules.Reserve;
using Reflexes.Web.Modules.Territory;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Platform.Email;
using Reflexes.Web.Platform.Localization;
using Reflexes.Web.Platform.Security;

namespace Reflexes.Web.Platform;

/// <summary>Services shared by the web app and the `reflexes` command-line tool.</summary>
public static class PlatformServices
{
    public static IServiceCollection AddReflexesCore(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddReflexesDatabase(configuration, environment.ContentRootPath);
        services.AddSingleton(configuration.GetSection(MailSettings.SectionName).Get<MailSettings>() ?? new MailSettings());
        services.AddSingleton(configuration.GetSection(SecuritySettings.SectionName).Get<SecuritySettings>() ?? new SecuritySettings());
        services.AddSingleton<Mailer>();

        services.AddSingleton<JsonStringLocalizer>();
        services.AddSingleton<IStringLocalizer>(sp => sp.GetRequiredService<JsonStringLocalizer>());
        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddSingleton(typeof(IStringLocalizer<>), typeof(JsonStringLocalizer<>));

        services.AddScoped<UserAdministration>();
        services.AddScoped<DatabaseInitializer>();
        services.AddTerritory();
        services.AddDataTrust(configuration);
        services.AddOutreach();
        services.AddReserve();
        return services;
    }
}
