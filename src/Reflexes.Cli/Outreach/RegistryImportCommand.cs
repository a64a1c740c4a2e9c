using System.CommandLine;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Reflexes.Cli.Platform;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Registry;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Cli.Outreach;

/// <summary>
/// `reflexes registry import FILE …`: checks a list for the register with the web import's checker and
/// stages a valid one for review. Merging duplicates and committing stay in the browser, decided by a
/// person (ADR 0531, 0536); `--check` only validates.
/// </summary>
internal static class RegistryImportCommand
{
    private static readonly Dictionary<string, ConsentChannel> Channels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["paper"] = ConsentChannel.PaperForm,
        ["phone"] = ConsentChannel.Phone,
        ["in-person"] = ConsentChannel.InPerson,
    };

    public static void AddTo(RootCommand root)
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV file of the list (UTF-8 or Latin-1, comma or semicolon separated)." };
        var purpose = new Option<string>("--purpose") { Description = "Code of the consent-based purpose the list was collected for (e.g. heatwave-register).", Required = true };
        var collected = new Option<string>("--collected") { Description = "Day the consents were collected, YYYY-MM-DD.", Required = true };
        var channel = new Option<string>("--channel") { Description = "How they were collected: paper, phone or in-person.", Required = true };
        var source = new Option<string>("--source") { Description = "Where the list comes from (e.g. \"CCAS 2025 file\").", Required = true };
        var actor = new Option<string?>("--as") { Description = "E-mail of the coordinator or administrator staging the list (required unless --check)." };
        var check = new Option<bool>("--check") { Description = "Only check the file and the tags; store nothing." };
        var import = new Command("import", "Check a list for the register and stage it for review in the browser; nothing is stored on any error.")
        {
            file, purpose, collected, channel, source, actor, check,
        };
        import.SetAction(async (result, ct) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var path = result.GetValue(file)!;
            var problems = new List<string>();
            if (!path.Exists)
            {
                problems.Add($"File not found: {path.FullName}");
            }

            var collectedText = result.GetValue(collected)!;
            DateOnly? collectedOn = DateOnly.TryParseExact(collectedText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
            if (collectedOn is null)
            {
                problems.Add($"--collected: \"{collectedText}\" is not a date written YYYY-MM-DD.");
            }

            var channelText = result.GetValue(channel)!;
            if (!Channels.TryGetValue(channelText, out var consentChannel))
            {
                problems.Add($"--channel: \"{channelText}\" is not one of paper, phone, in-person.");
            }

            var checkOnly = result.GetValue(check);
            var email = result.GetValue(actor);
            if (!checkOnly && string.IsNullOrWhiteSpace(email))
            {
                problems.Add("--as: name the coordinator or administrator who stages the list (their account will review it).");
            }

            if (problems.Count > 0)
            {
                foreach (var p in problems)
                {
                    await error.WriteLineAsync(p);
                }

                return PlatformCommands.Failed;
            }

            using var host = DatabaseOptions.Host(result);
            using var scope = host.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            var text = scope.ServiceProvider.GetRequiredService<IStringLocalizer>();
            var importer = scope.ServiceProvider.GetRequiredService<RegistryImporter>();
            var tags = new RegistryImporter.Tags(result.GetValue(purpose)!, collectedOn, consentChannel, result.GetValue(source)!);
            var bytes = await File.ReadAllBytesAsync(path.FullName, ct);

            if (checkOnly)
            {
                var (errors, rows) = await importer.CheckAsync(bytes, tags, ct);
                if (errors.Count > 0)
                {
                    await ReportAsync(error, path.Name, errors, text);
                    return PlatformCommands.Failed;
                }

                await output.WriteLineAsync($"{path.Name}: {rows.Count} row(s), all valid. Nothing was stored (--check).");
                return PlatformCommands.Ok;
            }

            if (await AgentAsync(scope.ServiceProvider, email!) is not { } agent)
            {
                await error.WriteLineAsync($"--as: no coordinator or administrator account has the e-mail {email}.");
                return PlatformCommands.Failed;
            }

            var outcome = await importer.StageAsync(bytes, path.Name, tags, agent, ct);
            if (outcome.BatchId is not { } batchId)
            {
                await ReportAsync(error, path.Name, outcome.Errors, text);
                return PlatformCommands.Failed;
            }

            await output.WriteLineAsync($"{path.Name}: {outcome.Rows} row(s) staged, {outcome.Pairs} proposed duplicate(s) to decide.");
            await output.WriteLineAsync($"Review and import in the browser: /outreach/registry/import/{batchId}");
            return PlatformCommands.Ok;
        });

        var registry = new Command("registry", "The register of fragile residents.");
        registry.Subcommands.Add(import);
        root.Subcommands.Add(registry.WithDatabase());
    }

    private static async Task ReportAsync(TextWriter error, string file, IReadOnlyList<Reflexes.Web.Modules.Territory.Import.ImportError> errors, IStringLocalizer text)
    {
        await error.WriteLineAsync($"{file}: {errors.Count} error(s); nothing was stored.");
        foreach (var e in errors.OrderBy(e => e.Line))
        {
            var message = text[e.MessageKey, e.Value ?? ""];
            if (e.Line == 0)
            {
                var option = e.Column switch { "purpose" => "--purpose", "collected_on" => "--collected", "channel" => "--channel", _ => "--source" };
                await error.WriteLineAsync($"{option}: {message}");
            }
            else
            {
                var column = string.IsNullOrEmpty(e.Column) ? "" : $", column '{e.Column}'";
                var value = string.IsNullOrEmpty(e.Value) ? "" : $" (value \"{e.Value}\")";
                await error.WriteLineAsync($"{file}: line {e.Line}{column}{value}: {message}");
            }
        }
    }

    private static async Task<ClaimsPrincipal?> AgentAsync(IServiceProvider services, string email)
    {
        var users = services.GetRequiredService<UserManager<ReflexesUser>>();
        if (await users.FindByEmailAsync(email.Trim()) is not { } user)
        {
            return null;
        }

        var roles = await users.GetRolesAsync(user);
        if (!roles.Contains(Roles.Coordinator) && !roles.Contains(Roles.Administrator))
        {
            return null;
        }

        return new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.Email ?? email), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "cli"));
    }
}
