using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Reflexes.Testing;

/// <summary>
/// The real Reflexes web app (real pipeline, real database) for a test: in memory by default,
/// or on Kestrel bound to 127.0.0.1 for a browser. Logs are captured so tests can check that
/// no personal data reaches them.
/// </summary>
public sealed class ReflexesAppFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _kestrel;
    private readonly string _environment;

    public ReflexesAppFactory(TestDatabase database, IDictionary<string, string?>? settings = null, bool kestrel = false, string environment = "Testing")
    {
        _database = database;
        _kestrel = kestrel;
        _environment = environment;
        MailFolder = Directory.CreateTempSubdirectory("reflexes-mail-").FullName;
        _settings = new Dictionary<string, string?>
        {
            ["Database:PostgreSql"] = database.PostgreSql ?? "",
            ["Database:SqlitePath"] = database.SqlitePath ?? "unused.db",
            ["Mail:PickupFolder"] = MailFolder,
            ["Security:RequireHttps"] = "false",
            ["Security:SignInPermitsPerMinute"] = "10000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        if (kestrel)
        {
            UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        }
    }

    public string MailFolder { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>The base address of the Kestrel server (starting it if needed).</summary>
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
            return new Uri(addresses.Addresses.First());
        }
    }

    public HttpClient CreateBrowserLikeClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("http://localhost"),
    });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(Logs);
            logging.SetMinimumLevel(LogLevel.Debug);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(MailFolder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the system's temp cleaner.
            }
        }
    }

    internal bool UsesKestrel => _kestrel;
}
