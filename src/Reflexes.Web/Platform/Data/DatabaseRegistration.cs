using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reflexes.Web.Modules.DataTrust.Contracts;

namespace Reflexes.Web.Platform.Data;

public static class DatabaseRegistration
{
    /// <summary>Registers the database context for the configured provider (used by the web app and the CLI).</summary>
    public static IServiceCollection AddReflexesDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var settings = configuration.GetSection(DatabaseSettings.SectionName).Get<DatabaseSettings>() ?? new DatabaseSettings();
        services.AddSingleton(settings);
        services.AddDbContext<ReflexesDbContext>(options => Configure(options, settings, contentRoot));
        services.AddScoped(sp => sp.GetRequiredService<ReflexesDbContext>().PersonalDataGrants);
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings, string contentRoot)
    {
        if (settings.UsesPostgreSql)
        {
            options.UseNpgsql(settings.PostgreSql);
        }
        else
        {
            var path = Path.IsPathRooted(settings.SqlitePath) ? settings.SqlitePath : Path.Combine(contentRoot, settings.SqlitePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            options.UseSqlite($"Data Source={path}");
        }

        // The migrations are hand-written and carry no model snapshot (see docs/adr/0003); the
        // schema tests compare the migrated database with the model on both providers instead.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        options.AddInterceptors(PersonalDataGuard.Instance);
    }
}
