using Microsoft.Extensions.DependencyInjection;
using Reflexes.Testing;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Tests.Fixtures;

/// <summary>
/// One running app on one fresh database, shared by the tests of a class. The app starts on first
/// use so that a PostgreSQL case without PostgreSQL is reported as skipped, not as a broken fixture.
/// </summary>
public abstract class AppFixture(DatabaseKind kind) : IAsyncLifetime, IDisposable
{
    private TestDatabase? _database;
    private ReflexesAppFactory? _app;

    public DatabaseKind Kind => kind;

    public async Task<ReflexesAppFactory> AppAsync()
    {
        if (_app is not null)
        {
            return _app;
        }

        _database = await TestDatabase.CreateAsync(kind);
        _app = new ReflexesAppFactory(_database);
        _ = _app.Server; // starts the app: migrations and demo seed run here
        return _app;
    }

    public async Task<T> WithDbAsync<T>(Func<ReflexesDbContext, Task<T>> action)
    {
        var app = await AppAsync();
        using var scope = app.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<ReflexesDbContext>());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _app?.Dispose();
        GC.SuppressFinalize(this);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
