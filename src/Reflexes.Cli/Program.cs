using System.CommandLine;
using Reflexes.Cli;

var root = new RootCommand("reflexes — operations for a Reflexes platform");
// Each module registers its subcommands here, one line each.
CommandRegistry.AddAll(root);
return await root.Parse(args).InvokeAsync();
