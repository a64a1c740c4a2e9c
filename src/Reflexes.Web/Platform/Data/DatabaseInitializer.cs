using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.DataTrust.Consents;
using Reflexes.Web.Modules.Territory.DemoSeed;

namespace Reflexes.Web.Platform.Data;

/// <summary>
/// Brings the database to the latest schema and, on an empty database outside Production,
/// loads the demo territory. Safe when several instances start at once: on PostgreSQL, migrating and seeding
/// each run under an advisory lock, so the instances take turns.
/// </summary>
public sealed class DatabaseInitializer(
    ReflexesDbContext db,
    DatabaseSettings settings,
    DemoTerritory demo,
    DemoPurposes purposes,
    Modules.Reserve.Volunteers.ReserveDemo reserve,
    UserAdministration administration,
    Modules.Outreach.Orientation.ReferralDemo referralDemo,
    Modules.Outreach.Campaigns.CampaignDemo campaignDemo,
    Modules.Outreach.Registry.RegistryDemo registryDemo,
    IHostEnvironment environment,
    ILogger<DatabaseInitializer> logger)
{
    private const long SeedLockKey = 0x5245464C4558; // "REFLEX"
    private const long MigrationLockKey = 0x5245464C4D49; // "REFLMI"

    public async Task MigrateAsync(CancellationToken ct)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        }

        if (!db.Database.IsNpgsql())
        {
            await db.Database.MigrateAsync(ct);
            return;
        }

        // Instances starting together take turns: a session-level advisory lock held on the
        // connection the migrator uses, released whatever happens.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", ct);
            try
            {
                await db.Database.MigrateAsync(ct);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The demo territory, then what each module adds to it.</summary>
    public async Task SeedDemoAsync(CancellationToken ct)
    {
        await demo.SeedAsync(ct);
        var dpoEmail = DemoTerritory.Accounts.First(a => a.Role == Roles.DataProtectionOfficer).Email;
        var dpo = await db.Users.Where(u => u.Email == dpoEmail).Select(u => u.Id).SingleAsync(ct);
        await purposes.SeedAsync(dpo, ct);
        // The campaign first: its target list is built from the register as it seeds it.
        await campaignDemo.SeedAsync(ct);
        await referralDemo.SeedAsync(ct);
        await reserve.SeedAsync(ct);
        var coordinatorEmail = DemoTerritory.Accounts.First(a => a.Role == Roles.Coordinator).Email;
        await registryDemo.SeedAsync(await db.Users.Where(u => u.Email == coordinatorEmail).Select(u => u.Id).SingleAsync(ct), ct);
    }

    public async Task InitialiseAsync(CancellationToken ct)
    {
        if (settings.MigrateOnStart)
        {
            await MigrateAsync(ct);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SeedLockKey})", ct);
        }

        await administration.EnsureRolesExistAsync(ct);
        if (settings.SeedDemoOnEmpty && !environment.IsProduction() && !await demo.IsSeededAsync(ct))
        {
            logger.LogInformation("Empty database: loading the demo territory.");
            await SeedDemoAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }
}
