using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Reflexes.Testing;

namespace Reflexes.Web.Tests.Migrations;

public sealed class MigrationTests
{
    [SkippableTheory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task Migrating_an_empty_database_yields_exactly_the_schema_the_model_expects(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var db = database.CreateContext();

        await db.Database.MigrateAsync();

        var expected = DatabaseSchema.FromModel(db);
        var actual = await DatabaseSchema.FromDatabaseAsync(db, kind);
        var difference = DatabaseSchema.Difference(expected, actual);
        difference.ShouldBeEmpty();
        expected.Facts.Count.ShouldBeGreaterThan(50);
    }

    [SkippableTheory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task The_schema_comparison_notices_a_column_the_migrations_forgot(DatabaseKind kind)
    {
        // Companion case: the comparison above must be able to fail.
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"Neighbourhoods\" DROP COLUMN \"OutlineGeoJson\"");

        var difference = DatabaseSchema.Difference(DatabaseSchema.FromModel(db), await DatabaseSchema.FromDatabaseAsync(db, kind));

        difference.ShouldContain("missing in database: column Neighbourhoods.OutlineGeoJson");
    }

    [SkippableTheory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task Upgrading_a_database_from_each_previous_migration_keeps_its_data(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var db = database.CreateContext();
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        migrations.Count.ShouldBeGreaterThanOrEqualTo(2);

        // The first version's tables, filled the way that version's code would have.
        await migrator.MigrateAsync(migrations[0]);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"AspNetRoles\" (\"Id\", \"Name\", \"NormalizedName\") VALUES ('r1', 'coordinator', 'COORDINATOR')");
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"AspNetUsers\" (\"Id\", \"DisplayName\", \"CreatedAtUtc\", \"UserName\", \"NormalizedUserName\", \"Email\", \"NormalizedEmail\", \"EmailConfirmed\", \"PhoneNumberConfirmed\", \"TwoFactorEnabled\", \"LockoutEnabled\", \"AccessFailedCount\") " +
            "VALUES ('u1', 'Camille', {0}, 'c@x.example', 'C@X.EXAMPLE', 'c@x.example', 'C@X.EXAMPLE', {1}, {2}, {2}, {1}, 0)",
            new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), true, false);
        await db.Database.ExecuteSqlRawAsync("INSERT INTO \"AspNetUserRoles\" (\"UserId\", \"RoleId\") VALUES ('u1', 'r1')");
        var serviceId = Guid.NewGuid();
        var cityId = Guid.NewGuid();
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"Organisations\" (\"Id\", \"Kind\", \"Name\", \"ParentId\") VALUES ({0}, 'LocalGovernment', 'Ville', NULL), ({1}, 'Service', 'Sports', {0})",
            cityId, serviceId);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"Neighbourhoods\" (\"Id\", \"Code\", \"Name\", \"OutlineGeoJson\") VALUES ({0}, 'NORD', 'Nord', NULL)", Guid.NewGuid());

        // Every later migration, one at a time, must keep what was there.
        foreach (var migration in migrations.Skip(1))
        {
            await migrator.MigrateAsync(migration);
            db.ChangeTracker.Clear();
            // Read by projection: later migrations add account columns the intermediate schemas do not have yet.
            var user = await db.Users.Select(u => new { u.DisplayName, u.CreatedAtUtc }).SingleAsync();
            user.DisplayName.ShouldBe("Camille");
            user.CreatedAtUtc.ShouldBe(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc));
            (await db.UserRoles.CountAsync()).ShouldBe(1);
            (await db.Organisations.SingleAsync(o => o.Name == "Sports")).ParentId.ShouldBe(cityId);
            (await db.Neighbourhoods.SingleAsync()).Code.ShouldBe("NORD");
        }

        // The upgraded schema accepts what the new version writes; accounts that existed keep French for their messages.
        (await db.Users.SingleAsync()).PreferredLanguage.ShouldBe("fr");
        var role = await db.Roles.SingleAsync();
        role.RequiresTwoFactor.ShouldBeFalse();
        role.RequireTwoFactor(true);
        db.Agents.Add(Reflexes.Web.Modules.Territory.Domain.Agent.Create("Léa", "Roux", "lea@x.example", null, serviceId, null));
        await db.SaveChangesAsync();
        (await db.Agents.CountAsync()).ShouldBe(1);
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
    }
}
