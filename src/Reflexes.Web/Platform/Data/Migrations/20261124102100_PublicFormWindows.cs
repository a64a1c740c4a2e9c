using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Reflexes.Web.Platform.Data.Migrations;

/// <summary>
/// The public registration form's rate limit, shared by all app instances: one row per hashed client
/// address and hour (Outreach, docs/adr/0533).
/// </summary>
[DbContext(typeof(ReflexesDbContext))]
[Migration("20261124102100_PublicFormWindows")]
public sealed class PublicFormWindows : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PublicFormWindows",
            columns: table => new
            {
                AddressHash = table.Column<string>(maxLength: 64, nullable: false),
                WindowHour = table.Column<long>(nullable: false),
                Count = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_PublicFormWindows", x => new { x.AddressHash, x.WindowHour }));
        migrationBuilder.CreateIndex(name: "IX_PublicFormWindows_WindowHour", table: "PublicFormWindows", column: "WindowHour");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("PublicFormWindows");
}
