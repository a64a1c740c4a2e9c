using System.CommandLine;
using Reflexes.Cli.Matching;
using Reflexes.Cli.Platform;
using Reflexes.Cli.Sortition;

namespace Reflexes.Cli;

/// <summary>The one place where every module's subcommands join the root command.</summary>
internal static class CommandRegistry
{
    public static void AddAll(RootCommand root)
    {
        PlatformCommands.AddTo(root);
        Audit.AuditCommands.AddTo(root);
        MatchCommand.AddTo(root);
        SortitionCommands.AddTo(root);
        Outreach.RegistryImportCommand.AddTo(root);
    }
}
