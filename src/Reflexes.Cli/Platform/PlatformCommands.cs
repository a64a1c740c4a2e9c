using System.CommandLine;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Localization;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.Territory.DemoSeed;
using Reflexes.Web.Modules.Territory.Import;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Cli.Platform;

/// <summary>Operations on the platform's database: migrate, seed-demo, import, user.</summary>
internal static class PlatformCommands
{
    public const int Ok = 0;
    public const int Failed = 1;

    public static void AddTo(RootCommand root)
    {
        root.Subcommands.Add(Migrate().WithDatabase());
        root.Subcommands.Add(SeedDemo().WithDatabase());
        root.Subcommands.Add(Import().WithDatabase());
        root.Subcommands.Add(User().WithDatabase());
    }

    private static Command Migrate()
    {
        var command = new Command("migrate", "Apply pending schema migrations (safe to run while other instances start).");
        command.SetAction(async (result, ct) =>
        {
            using var host = DatabaseOptions.Host(result);
            using var scope = host.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ReflexesDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            await result.InvocationConfiguration.Output.WriteLineAsync(pending.Count == 0
                ? $"{PlatformHost.Describe(host.Services)} is up to date."
                : $"{PlatformHost.Describe(host.Services)}: applied {string.Join(", ", pending)}.");
            return Ok;
        });
        return command;
    }

    private static Command SeedDemo()
    {
        var command = new Command("seed-demo", "Load the fictional demo territory (Valbrune) into an empty database. Refused in Production.");
        command.SetAction(async (result, ct) =>
        {
            using var host = DatabaseOptions.Host(result);
            var error = result.InvocationConfiguration.Error;
            if (host.Services.GetRequiredService<IHostEnvironment>().IsProduction())
            {
                await error.WriteLineAsync("seed-demo is refused in the Production environment: demo accounts have public passwords. Use --environment Development on a test database.");
                return Failed;
            }

            using var scope = host.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            var demo = scope.ServiceProvider.GetRequiredService<DemoTerritory>();
            if (await demo.IsSeededAsync(ct))
            {
                await error.WriteLineAsync("The database already describes a territory: the demo is loaded only into an empty database.");
                return Failed;
            }

            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().SeedDemoAsync(ct);
            await result.InvocationConfiguration.Output.WriteLineAsync($"Demo territory loaded into {PlatformHost.Describe(host.Services)}.");
            return Ok;
        });
        return command;
    }

    private static Command Import()
    {
        var kind = new Argument<string>("kind") { Description = "neighbourhoods, organisations or agents" };
        kind.AcceptOnlyFromAmong("neighbourhoods", "organisations", "agents");
        var file = new Argument<FileInfo>("file") { Description = "CSV file (UTF-8, comma or semicolon separated)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and print what would change, without importing." };
        var command = new Command("import", "Import reference data from a CSV file; nothing is imported unless every row is valid.") { kind, file, dryRun };
        command.SetAction(async (result, ct) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                await error.WriteLineAsync($"File not found: {path.FullName}");
                return Failed;
            }

            var importKind = Enum.Parse<ImportKind>(result.GetValue(kind)!, ignoreCase: true);
            var content = Decode(await File.ReadAllBytesAsync(path.FullName, ct));
            using var host = DatabaseOptions.Host(result);
            using var scope = host.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            var importer = scope.ServiceProvider.GetRequiredService<TerritoryImporter>();
            var preview = result.GetValue(dryRun)
                ? await importer.PreviewAsync(importKind, content, ct)
                : await importer.ImportAsync(importKind, content, ct);
            if (!preview.CanImport)
            {
                var text = scope.ServiceProvider.GetRequiredService<IStringLocalizer>();
                await error.WriteLineAsync($"{path.Name}: {preview.Errors.Count} error(s); nothing was imported.");
                foreach (var e in preview.Errors.OrderBy(e => e.Line))
                {
                    var column = string.IsNullOrEmpty(e.Column) ? "" : $", column '{e.Column}'";
                    await error.WriteLineAsync($"{path.Name}: line {e.Line}{column}: {text[e.MessageKey, e.Value ?? ""]}");
                }

                return Failed;
            }

            var verb = result.GetValue(dryRun) ? "would import" : "imported";
            await output.WriteLineAsync($"{path.Name}: {verb} {preview.Rows.Count} row(s) ({preview.NewCount} new, {preview.UpdateCount} updated) into {PlatformHost.Describe(host.Services)}.");
            return Ok;
        });
        return command;
    }

    private static Command User()
    {
        var user = new Command("user", "Manage accounts.");

        var email = new Option<string>("--email") { Description = "E-mail address (the sign-in name).", Required = true };
        var name = new Option<string>("--name") { Description = "Display name.", Required = true };
        var roles = new Option<string[]>("--role") { Description = $"Role to grant (repeatable): {string.Join(", ", Reflexes.Web.Modules.Access.Domain.Roles.All)}.", AllowMultipleArgumentsPerToken = true };
        var passwordEnv = new Option<string>("--password-env")
        {
            Description = "Name of the environment variable holding the password (keeps it out of the shell history).",
            DefaultValueFactory = _ => "REFLEXES_PASSWORD",
        };
        var create = new Command("create", "Create an account.") { email, name, roles, passwordEnv };
        create.SetAction(async (result, ct) =>
        {
            var error = result.InvocationConfiguration.Error;
            var variable = result.GetValue(passwordEnv)!;
            var password = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrEmpty(password))
            {
                await error.WriteLineAsync($"Set the password in the environment variable {variable} (or name another one with --password-env).");
                return Failed;
            }

            using var host = DatabaseOptions.Host(result);
            using var scope = host.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            var (created, errors) = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                .CreateAsync(result.GetValue(email)!, result.GetValue(name)!, password, result.GetValue(roles) ?? [], ct);
            if (created is null)
            {
                foreach (var e in errors)
                {
                    await error.WriteLineAsync(e);
                }

                return Failed;
            }

            await result.InvocationConfiguration.Output.WriteLineAsync($"Account created for {created.Email}.");
            return Ok;
        });

        var roleEmail = new Option<string>("--email") { Description = "E-mail address of the account.", Required = true };
        var role = new Option<string>("--role") { Description = $"Role to grant: {string.Join(", ", Reflexes.Web.Modules.Access.Domain.Roles.All)}.", Required = true };
        var addRole = new Command("add-role", "Grant a role to an account.") { roleEmail, role };
        addRole.SetAction(async (result, ct) =>
        {
            using var host = DatabaseOptions.Host(result);
            using var scope = host.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            var errors = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                .AddRoleAsync(result.GetValue(roleEmail)!, result.GetValue(role)!, ct);
            foreach (var e in errors)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync(e);
            }

            if (errors.Count == 0)
            {
                await result.InvocationConfiguration.Output.WriteLineAsync($"Role {result.GetValue(role)} granted to {result.GetValue(roleEmail)}.");
            }

            return errors.Count == 0 ? Ok : Failed;
        });

        user.Subcommands.Add(create);
        user.Subcommands.Add(addRole);
        return user;
    }

    private static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }
}
