using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Platform;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Cli.Platform;

/// <summary>
/// Builds the same services the web app uses (database, accounts, territory) without a web server.
/// Configuration comes from the web app's appsettings.json, environment variables
/// (e.g. Database__PostgreSql) and the --postgres / --sqlite options.
/// </summary>
internal static class PlatformHost
{
    public static IHost Build(string? postgres, string? sqlite, string? environment)
    {
        var contentRoot = ContentRoot();
        var settings = new HostApplicationBuilderSettings
        {
            ContentRootPath = contentRoot,
            EnvironmentName = environment ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
                ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environments.Production,
            DisableDefaults = true,
        };
        var builder = Host.CreateApplicationBuilder(settings);
        builder.Configuration.AddJsonFile(Path.Combine(contentRoot, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(contentRoot, $"appsettings.{settings.EnvironmentName}.json"), optional: true)
            .AddEnvironmentVariables();
        var overrides = new Dictionary<string, string?>();
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            overrides["Database:PostgreSql"] = postgres;
        }

        if (!string.IsNullOrWhiteSpace(sqlite))
        {
            overrides["Database:PostgreSql"] = "";
            overrides["Database:SqlitePath"] = Path.GetFullPath(sqlite);
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddReflexesCore(builder.Configuration, builder.Environment);
        builder.Services.AddIdentityCore<ReflexesUser>(IdentitySetup.Configure)
            .AddRoles<ReflexesRole>()
            .AddEntityFrameworkStores<ReflexesDbContext>();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
        return builder.Build();
    }

    /// <summary>The web project's folder when run from a checkout, so both share the same SQLite file.</summary>
    private static string ContentRoot()
    {
        var configured = Environment.GetEnvironmentVariable("REFLEXES_CONTENT_ROOT");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        var checkout = Path.Combine(Directory.GetCurrentDirectory(), "src", "Reflexes.Web");
        return File.Exists(Path.Combine(checkout, "appsettings.json")) ? checkout : Directory.GetCurrentDirectory();
    }

    /// <summary>Where the data lives, for messages; never prints credentials.</summary>
    public static string Describe(IServiceProvider services)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        if (settings.UsesPostgreSql)
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(settings.PostgreSql);
            return $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}";
        }

        var environment = services.GetRequiredService<IHostEnvironment>();
        var path = Path.IsPathRooted(settings.SqlitePath) ? settings.SqlitePath : Path.Combine(environment.ContentRootPath, settings.SqlitePath);
        return $"SQLite database {Path.GetFullPath(path)}";
    }
}
