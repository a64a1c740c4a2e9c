using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
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
            options.UseNpgsql(PostgreSqlConnectionString(settings.PostgreSql!));
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

    /// <summary>Statements prepared per connection by default (docs/adr/0517).</summary>
    public const int DefaultMaxAutoPrepare = 100;

    /// <summary>
    /// The configured connection string with Npgsql's automatic preparation switched on unless the string
    /// says otherwise ("Max Auto Prepare=0" turns it off): a statement run five times on a connection is
    /// prepared there, so PostgreSQL parses and plans it once instead of on every call.
    /// </summary>
    public static string PostgreSqlConnectionString(string configured)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured };
        var says = given.Keys.Cast<string>().Any(k => string.Equals(k.Replace(" ", "", StringComparison.Ordinal), "MaxAutoPrepare", StringComparison.OrdinalIgnoreCase));
        return says ? configured : new NpgsqlConnectionStringBuilder(configured) { MaxAutoPrepare = DefaultMaxAutoPrepare }.ConnectionString;
    }
}
