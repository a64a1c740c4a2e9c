using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Reflexes.Web.Platform.Data.Migrations;

/// <summary>The register: online registration (status, requester), staged CSV imports and merge history (Outreach).</summary>
[DbContext(typeof(ReflexesDbContext))]
[Migration("20261124005100_RegistryOnlineAndImport")]
public sealed class RegistryOnlineAndImport : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("Status", "Registrants", maxLength: 20, nullable: false, defaultValue: "Active");
        migrationBuilder.AddColumn<string>("Requester", "Registrants", maxLength: 300, nullable: true);
        migrationBuilder.AddColumn<string>("RequestedPurposes", "Registrants", maxLength: 1000, nullable: true);
        migrationBuilder.AddColumn<Guid>("ImportBatchId", "Registrants", nullable: true);
        migrationBuilder.CreateIndex("IX_Registrants_Status", "Registrants", "Status");

        migrationBuilder.CreateTable(
            name: "RegistrantImportBatches",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PurposeCode = table.Column<string>(maxLength: 60, nullable: false),
                CollectedOn = table.Column<DateOnly>(nullable: false),
                Channel = table.Column<string>(maxLength: 20, nullable: false),
                SourceName = table.Column<string>(maxLength: 200, nullable: false),
                FileName = table.Column<string>(maxLength: 260, nullable: false),
                CreatedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                RowCount = table.Column<int>(nullable: false),
                CreatedCount = table.Column<int>(nullable: false),
                MergedCount = table.Column<int>(nullable: false),
                ClosedAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_RegistrantImportBatches", x => x.Id));

        migrationBuilder.CreateTable(
            name: "RegistrantImportRows",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BatchId = table.Column<Guid>(nullable: false),
                Line = table.Column<int>(nullable: false),
                FirstName = table.Column<string>(maxLength: 100, nullable: false),
                LastName = table.Column<string>(maxLength: 100, nullable: false),
                BirthDate = table.Column<DateOnly>(nullable: false),
                Address = table.Column<string>(maxLength: 300, nullable: false),
                NeighbourhoodId = table.Column<Guid>(nullable: true),
                Phone = table.Column<string>(maxLength: 30, nullable: false),
                OtherPhone = table.Column<string>(maxLength: 30, nullable: true),
                AlertContact = table.Column<string>(maxLength: 300, nullable: true),
                Ground = table.Column<string>(maxLength: 30, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_RegistrantImportRows", x => x.Id));
        migrationBuilder.CreateIndex("IX_RegistrantImportRows_BatchId", "RegistrantImportRows", "BatchId");

        migrationBuilder.CreateTable(
            name: "RegistrantImportPairs",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BatchId = table.Column<Guid>(nullable: false),
                RowId = table.Column<Guid>(nullable: false),
                OtherRowId = table.Column<Guid>(nullable: true),
                RegistrantId = table.Column<Guid>(nullable: true),
                Score = table.Column<double>(nullable: false),
                Reasons = table.Column<string>(maxLength: 500, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_RegistrantImportPairs", x => x.Id));
        migrationBuilder.CreateIndex("IX_RegistrantImportPairs_BatchId", "RegistrantImportPairs", "BatchId");

        migrationBuilder.CreateTable(
            name: "RegistrantMerges",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                RegistrantId = table.Column<Guid>(nullable: false),
                Kept = table.Column<string>(maxLength: 300, nullable: false),
                Absorbed = table.Column<string>(maxLength: 300, nullable: false),
                FieldSources = table.Column<string>(maxLength: 1000, nullable: false),
                SetAside = table.Column<string>(maxLength: 4000, nullable: false),
                MergedAtUtc = table.Column<DateTime>(nullable: false),
                MergedByUserId = table.Column<string>(maxLength: 450, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_RegistrantMerges", x => x.Id));
        migrationBuilder.CreateIndex("IX_RegistrantMerges_SubjectId", "RegistrantMerges", "SubjectId");
        migrationBuilder.CreateIndex("IX_RegistrantMerges_RegistrantId", "RegistrantMerges", "RegistrantId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("RegistrantMerges");
        migrationBuilder.DropTable("RegistrantImportPairs");
        migrationBuilder.DropTable("RegistrantImportRows");
        migrationBuilder.DropTable("RegistrantImportBatches");
        migrationBuilder.DropIndex("IX_Registrants_Status", "Registrants");
        migrationBuilder.DropColumn("ImportBatchId", "Registrants");
        migrationBuilder.DropColumn("RequestedPurposes", "Registrants");
        migrationBuilder.DropColumn("Requester", "Registrants");
        migrationBuilder.DropColumn("Status", "Registrants");
    }
}
