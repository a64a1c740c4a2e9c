using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Reflexes.Web.Platform.Data.Migrations;

/// <summary>
/// Pending audit entries (DataTrust): written by each access in its own transaction without a lock, then
/// numbered and moved into the append-only log by the sequencer (docs/adr/0603). Rows are deleted when
/// integrated, so this table has no append-only trigger.
/// </summary>
[DbContext(typeof(ReflexesDbContext))]
[Migration("20261124006000_AuditPendingEntries")]
public sealed class AuditPendingEntries : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AuditPendingEntries",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", IdentityByDefault),
                OccurredAtUtc = table.Column<DateTime>(nullable: false),
                Actor = table.Column<string>(maxLength: 200, nullable: false),
                Action = table.Column<string>(maxLength: 100, nullable: false),
                Purpose = table.Column<string>(maxLength: 200, nullable: true),
                Record = table.Column<string>(maxLength: 200, nullable: true),
                Result = table.Column<string>(maxLength: 20, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AuditPendingEntries", x => x.Id));
    }

    private static readonly object IdentityByDefault =
        Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn;

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("AuditPendingEntries");
}
