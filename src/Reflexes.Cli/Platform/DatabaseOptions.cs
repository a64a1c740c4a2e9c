using System.CommandLine;
using Microsoft.Extensions.Hosting;

namespace Reflexes.Cli.Platform;

/// <summary>
/// Options every database command accepts: <c>--postgres</c>, <c>--sqlite</c>, <c>--environment</c>. They are added
/// to each database command (and passed down its subcommands), not to the root, so that the engines' commands (match,
/// sortition), which open no database, do not offer them.
/// </summary>
internal static class DatabaseOptions
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

    /// <summary>Adds the database options to a command that opens the platform's database, and returns it.</summary>
    public static Command WithDatabase(this Command command)
    {
        command.Options.Add(Postgres);
        command.Options.Add(Sqlite);
        command.Options.Add(Environment);
        return command;
    }

    public static IHost Host(ParseResult result) =>
        PlatformHost.Build(result.GetValue(Postgres), result.GetValue(Sqlite), result.GetValue(Environment));
}
