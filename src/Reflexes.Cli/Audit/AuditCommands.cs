using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reflexes.Audit;
using Reflexes.Cli.Platform;
using Reflexes.Web.Modules.DataTrust.Audit;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Cli.Audit;

/// <summary>`reflexes audit verify`: recompute the audit log's Merkle tree and check every signed tree head.</summary>
internal static class AuditCommands
{
    public const int Intact = 0;
    public const int BadInput = 1;
    public const int Tampered = 2;

    private const int ProblemsListed = 20;

    public static void AddTo(RootCommand root)
    {
        var audit = new Command("audit", "The tamper-evident audit log.");
        audit.Subcommands.Add(Verify());
        root.Subcommands.Add(audit.WithDatabase());
    }

    private static Command Verify()
    {
        var publicKey = new Option<FileInfo?>("--public-key")
        {
            Description = "PEM file of the public key published on the /audit page (default: trust the keys stored in the database).",
        };
        var kept = new Option<FileInfo?>("--heads")
        {
            Description = "A copy of /api/audit/tree-heads kept outside the platform: its heads are checked too, and must still be in the database.",
        };
        var origin = new Option<string?>("--origin") { Description = "The log's expected origin (default: the origin of the first signed head)." };
        var command = new Command("verify",
            "Recompute the tree from the stored entries, check every signed tree head and the consistency between them. " +
            "Exit codes: 0 intact, 1 bad input, 2 the log was tampered with.");
        command.Options.Add(publicKey);
        command.Options.Add(kept);
        command.Options.Add(origin);
        command.SetAction(async (result, ct) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            TreeHeadPublicKey? pinned = null;
            if (result.GetValue(publicKey) is { } file)
            {
                if (!file.Exists)
                {
                    await error.WriteLineAsync($"File not found: {file.FullName}");
                    return BadInput;
                }

                try
                {
                    pinned = TreeHeadPublicKey.FromPem(await File.ReadAllTextAsync(file.FullName, ct));
                }
                catch (Exception e) when (e is CryptographicException or ArgumentException)
                {
                    await error.WriteLineAsync($"{file.FullName}: not a PEM ECDSA P-256 public key ({e.Message}).");
                    return BadInput;
                }
            }

            IReadOnlyList<SignedTreeHead>? keptHeads = null;
            if (result.GetValue(kept) is { } keptFile)
            {
                var (heads, problem) = KeptTreeHeadsFile.Read(keptFile.FullName);
                if (problem is not null)
                {
                    await error.WriteLineAsync(problem);
                    return BadInput;
                }

                keptHeads = heads;
            }

            using var host = DatabaseOptions.Host(result);
            using var scope = host.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ReflexesDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0)
            {
                await error.WriteLineAsync($"{PlatformHost.Describe(host.Services)} is not up to date ({pending.Count} pending migration(s)): run `reflexes migrate` first.");
                return BadInput;
            }

            var verification = scope.ServiceProvider.GetRequiredService<AuditVerification>();
            var report = await verification.VerifyAsync(pinned, result.GetValue(origin), ct, keptHeads);
            var keys = pinned is not null ? [pinned] : await verification.StoredKeysAsync(ct);
            var fingerprints = keys.Count == 0 ? "none yet" : string.Join(", ", keys.Select(k => k.Fingerprint));

            if (!report.IsIntact)
            {
                await error.WriteLineAsync($"Audit log verification FAILED on {PlatformHost.Describe(host.Services)}.");
                await error.WriteLineAsync($"First problem: {report.FirstProblem!.Message}");
                foreach (var problem in report.Problems.Skip(1).Take(ProblemsListed))
                {
                    await error.WriteLineAsync($"  also: {problem.Message}");
                }

                if (report.Problems.Count > ProblemsListed + 1)
                {
                    await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  and {report.Problems.Count - ProblemsListed - 1} more problem(s)."));
                }

                return Tampered;
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Audit log intact: {report.EntryCount} entries, {report.TreeHeadCount} signed tree head(s), the latest covering {report.SignedSize} entries; " +
                $"{report.UnsignedEntryCount} entries appended since and not yet signed."));
            await output.WriteLineAsync($"Signing key fingerprint: {fingerprints}.");
            if (pinned is null)
            {
                await output.WriteLineAsync("The key was read from the database: compare its fingerprint with the one published on the /audit page, or pass --public-key.");
            }

            return Intact;
        });
        return command;
    }
}
