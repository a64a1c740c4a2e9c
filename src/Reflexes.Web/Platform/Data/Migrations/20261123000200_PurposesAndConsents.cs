using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Reflexes.Web.Platform.Data.Migrations;

/// <summary>The data trust: purpose register, data subjects, consent records, exceptional uses and the data board.</summary>
[DbContext(typeof(ReflexesDbContext))]
[Migration("20261123000200_PurposesAndConsents")]
public sealed class PurposesAndConsents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ProcessingPurposes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Code = table.Column<string>(maxLength: 60, nullable: false),
                Version = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Description = table.Column<string>(maxLength: 4000, nullable: false),
                LegalBasis = table.Column<string>(maxLength: 40, nullable: false),
                DataCategories = table.Column<string>(maxLength: 2000, nullable: false),
                RetentionMonths = table.Column<int>(nullable: false),
                Controller = table.Column<string>(maxLength: 200, nullable: false),
                ConsentValidityMonths = table.Column<int>(nullable: true),
                SpecialCategories = table.Column<bool>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                CreatedByUserId = table.Column<string>(maxLength: 450, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ProcessingPurposes", x => x.Id));
        migrationBuilder.CreateIndex("IX_ProcessingPurposes_Code_Version", "ProcessingPurposes", ["Code", "Version"], unique: true);

        migrationBuilder.CreateTable(
            name: "DataSubjects",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DataSubjects", x => x.Id));
        migrationBuilder.CreateIndex("IX_DataSubjects_UserId", "DataSubjects", "UserId", unique: true);

        migrationBuilder.CreateTable(
            name: "ConsentRecords",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                PurposeId = table.Column<Guid>(nullable: false),
                Choice = table.Column<string>(maxLength: 20, nullable: false),
                Channel = table.Column<string>(maxLength: 20, nullable: false),
                RecordedAtUtc = table.Column<DateTime>(nullable: false),
                RecordedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                OnBehalfOf = table.Column<string>(maxLength: 200, nullable: true),
                ExpiresAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ConsentRecords", x => x.Id);
                table.ForeignKey("FK_ConsentRecords_DataSubjects_SubjectId", x => x.SubjectId, "DataSubjects", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ConsentRecords_ProcessingPurposes_PurposeId", x => x.PurposeId, "ProcessingPurposes", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ConsentRecords_PurposeId", "ConsentRecords", "PurposeId");
        migrationBuilder.CreateIndex("IX_ConsentRecords_SubjectId_RecordedAtUtc", "ConsentRecords", ["SubjectId", "RecordedAtUtc"]);

        migrationBuilder.CreateTable(
            name: "ExceptionalUses",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Reference = table.Column<string>(maxLength: 40, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Justification = table.Column<string>(maxLength: 4000, nullable: false),
                SourcePurposeCode = table.Column<string>(maxLength: 60, nullable: false),
                DataCategories = table.Column<string>(maxLength: 2000, nullable: false),
                Scope = table.Column<string>(maxLength: 1000, nullable: false),
                PeopleConcerned = table.Column<int>(nullable: false),
                StartsOn = table.Column<DateOnly>(nullable: false),
                EndsOn = table.Column<DateOnly>(nullable: false),
                RequestedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                RequestedAtUtc = table.Column<DateTime>(nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                DecisionReasons = table.Column<string>(maxLength: 4000, nullable: true),
                DecidedByUserId = table.Column<string>(maxLength: 450, nullable: true),
                DecidedAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ExceptionalUses", x => x.Id));
        migrationBuilder.CreateIndex("IX_ExceptionalUses_Reference", "ExceptionalUses", "Reference", unique: true);

        migrationBuilder.CreateTable(
            name: "DataBoardMembers",
            columns: table => new
            {
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                AddedAtUtc = table.Column<DateTime>(nullable: false),
                AddedByUserId = table.Column<string>(maxLength: 450, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DataBoardMembers", x => x.UserId));

        migrationBuilder.CreateTable(
            name: "RightsRequests",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Details = table.Column<string>(maxLength: 4000, nullable: false),
                Channel = table.Column<string>(maxLength: 20, nullable: false),
                FiledByUserId = table.Column<string>(maxLength: 450, nullable: false),
                ReceivedAtUtc = table.Column<DateTime>(nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                ExtendedUntil = table.Column<DateOnly>(nullable: true),
                ExtensionReason = table.Column<string>(maxLength: 2000, nullable: true),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                Outcome = table.Column<string>(maxLength: 2000, nullable: true),
                ErasureReport = table.Column<string>(maxLength: 8000, nullable: true),
                HandledByUserId = table.Column<string>(maxLength: 450, nullable: true),
                ClosedAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RightsRequests", x => x.Id);
                table.ForeignKey("FK_RightsRequests_DataSubjects_SubjectId", x => x.SubjectId, "DataSubjects", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_RightsRequests_Status_DueOn", "RightsRequests", ["Status", "DueOn"]);
        migrationBuilder.CreateIndex("IX_RightsRequests_SubjectId", "RightsRequests", "SubjectId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("RightsRequests");
        migrationBuilder.DropTable("DataBoardMembers");
        migrationBuilder.DropTable("ExceptionalUses");
        migrationBuilder.DropTable("ConsentRecords");
        migrationBuilder.DropTable("DataSubjects");
        migrationBuilder.DropTable("ProcessingPurposes");
    }
}
