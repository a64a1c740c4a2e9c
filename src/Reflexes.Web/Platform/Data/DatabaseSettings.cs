namespace Reflexes.Web.Platform.Data;

/// <summary>Where the data lives: an embedded SQLite file by default, PostgreSQL when a connection string is set.</summary>
public sealed class DatabaseSettings
{
    public const string SectionName = "Database";

    /// <summary>PostgreSQL connection string; when empty, the embedded SQLite database is used.</summary>
    public string? PostgreSql { get; set; }

    /// <summary>Path of the SQLite file, relative to the content root when not absolute.</summary>
    public string SqlitePath { get; set; } = "data/reflexes.db";

    /// <summary>Apply pending migrations on start (safe with several instances: EF Core takes a database lock).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Load the demo territory on first start of an empty database (never in Production).</summary>
    public bool SeedDemoOnEmpty { get; set; } = true;

    public bool UsesPostgreSql => !string.IsNullOrWhiteSpace(PostgreSql);
}
