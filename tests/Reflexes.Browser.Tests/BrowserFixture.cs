using Microsoft.Playwright;
using Reflexes.Testing;

namespace Reflexes.Browser.Tests;

/// <summary>
/// One Reflexes app on Kestrel (127.0.0.1, a fresh SQLite database with the demo territory) and one
/// headless Chromium from the distribution, shared by the browser tests. Without Chromium the tests
/// are skipped, visibly; with REFLEXES_TEST_REQUIRE_ALL=1 (CI) they fail instead.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private TestDatabase? _database;
    private IPlaywright? _playwright;

    public ReflexesAppFactory? App { get; private set; }

    public IBrowser? Browser { get; private set; }

    public Uri BaseAddress => App!.ServerAddress;

    public static string? ChromiumPath
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("REFLEXES_TEST_CHROMIUM");
            if (!string.IsNullOrEmpty(configured))
            {
                return configured;
            }

            return File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;
        }
    }

    public async Task InitializeAsync()
    {
        if (ChromiumPath is null)
        {
            return;
        }

        _database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        App = new ReflexesAppFactory(_database, kestrel: true);
        _ = App.ServerAddress;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });
    }

    /// <summary>Skips (locally) or fails (CI) when no Chromium is installed.</summary>
    public void RequireBrowser()
    {
        if (Browser is not null)
        {
            return;
        }

        if (TestEnvironment.RequireAll)
        {
            Assert.Fail("Chromium is required here (REFLEXES_TEST_REQUIRE_ALL=1) but /usr/bin/chromium is missing: run ./test.sh.");
        }

        Skip.If(true, "Chromium not available: install Debian's chromium package or run ./test.sh.");
    }

    public async Task<IBrowserContext> NewContextAsync(bool javaScript = true, int width = 1280, int height = 900)
    {
        RequireBrowser();
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "fr-FR",
        });

        // The suite shares two cores with the other test assemblies: waits get a generous budget.
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
