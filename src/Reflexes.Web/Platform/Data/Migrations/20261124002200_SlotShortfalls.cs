using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Reflexes.Web.Platform.Data.Migrations;

/// <summary>Civic reserve planning: the places each planning run left unfilled, with the engine's reason.</summary>
[DbContext(typeof(ReflexesDbContext))]
[Migration("20261124002200_SlotShortfalls")]
public sealed class SlotShortfalls : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SlotShortfalls",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SlotId = table.Column<Guid>(nullable: false),
                WeekStart = table.Column<DateOnly>(nullable: false),
                Places = table.Column<int>(nullable: false),
                Reason = table.Column<string>(maxLength: 30, nullable: false),
                ComputedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_SlotShortfalls", x => x.Id));
        migrationBuilder.CreateIndex("IX_SlotShortfalls_WeekStart", "SlotShortfalls", "WeekStart");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("SlotShortfalls");
}
