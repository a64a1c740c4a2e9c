using Microsoft.EntityFrameworkCore;
using Npgsql;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Testing;

/// <summary>A fresh, empty database for one test or fixture: a temporary SQLite file or a new PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(DatabaseKind kind, string? postgres, string? sqlitePath)
    {
        Kind = kind;
        PostgreSql = postgres;
        SqlitePath = sqlitePath;
    }

    public DatabaseKind Kind { get; }

    public string? PostgreSql { get; }

    public string? SqlitePath { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind)
    {
        if (kind == DatabaseKind.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("reflexes-test-");
            return new TestDatabase(kind, null, Path.Combine(folder.FullName, "reflexes.db"));
        }

        TestEnvironment.RequirePostgres();
        var admin = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdmin);
        var name = "reflexes_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        admin.Database = name;
        return new TestDatabase(kind, admin.ConnectionString, null);
    }

    public DatabaseSettings Settings => new()
    {
        PostgreSql = PostgreSql ?? "",
        SqlitePath = SqlitePath ?? "unused.db",
        MigrateOnStart = true,
        SeedDemoOnEmpty = true,
    };

    public ReflexesDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<ReflexesDbContext>();
        DatabaseRegistration.Configure(options, Settings, Path.GetTempPath());
        return new ReflexesDbContext(options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (Kind == DatabaseKind.Sqlite && SqlitePath is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(Path.GetDirectoryName(SqlitePath)!, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a finishing host: the temp folder is cleaned by the system.
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdmin);
        var name = new NpgsqlConnectionStringBuilder(PostgreSql).Database;
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
