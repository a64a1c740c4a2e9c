using System.CommandLine;
using Microsoft.Extensions.Hosting;

namespace Reflexes.Cli.Platform;

/// <summary>Options every database command accepts.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Postgres = new("--postgres")
    {
        Description = "PostgreSQL connection string (default: Database__PostgreSql, else the embedded SQLite file).",
        Recursive = true,
    };

    public static readonly Option<string?> Sqlite = new("--sqlite")
    {
        Description = "Path of a SQLite database file to use instead of the configured one.",
        Recursive = true,
    };

    public static readonly Option<string?> Environment = new("--environment")
    {
        Description = "Hosting environment (Production by default; demo data is refused in Production).",
        Recursive = true,
    };

    public static IHost Host(ParseResult result) =>
        PlatformHost.Build(result.GetValue(Postgres), result.GetValue(Sqlite), result.GetValue(Environment));
}
