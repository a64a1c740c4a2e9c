using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Reflexes.Web.Platform.Data.Migrations;

/// <summary>The register of fragile residents (Outreach).</summary>
[DbContext(typeof(ReflexesDbContext))]
[Migration("20261123000300_RegisterOfFragileResidents")]
public sealed class RegisterOfFragileResidents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Registrants",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                FirstName = table.Column<string>(maxLength: 100, nullable: false),
                LastName = table.Column<string>(maxLength: 100, nullable: false),
                BirthDate = table.Column<DateOnly>(nullable: false),
                Address = table.Column<string>(maxLength: 300, nullable: false),
                NeighbourhoodId = table.Column<Guid>(nullable: true),
                Phone = table.Column<string>(maxLength: 30, nullable: false),
                OtherPhone = table.Column<string>(maxLength: 30, nullable: true),
                AlertContact = table.Column<string>(maxLength: 300, nullable: true),
                Ground = table.Column<string>(maxLength: 30, nullable: false),
                RegisteredBy = table.Column<string>(maxLength: 30, nullable: false),
                RegisteredAtUtc = table.Column<DateTime>(nullable: false),
                RecordedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                WithdrawnAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Registrants", x => x.Id));
        migrationBuilder.CreateIndex("IX_Registrants_SubjectId", "Registrants", "SubjectId", unique: true);
        migrationBuilder.CreateIndex("IX_Registrants_NeighbourhoodId", "Registrants", "NeighbourhoodId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Registrants");
}
