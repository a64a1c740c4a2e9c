using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Reflexes.Web.Platform.Data.Migrations;

/// <summary>Call campaigns, callers, the target queue and calls (Outreach).</summary>
[DbContext(typeof(ReflexesDbContext))]
[Migration("20261124003000_CallCampaigns")]
public sealed class CallCampaigns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Campaigns",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                PurposeCode = table.Column<string>(maxLength: 100, nullable: false),
                LeadUserId = table.Column<string>(maxLength: 450, nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                StartedAtUtc = table.Column<DateTime>(nullable: true),
                ClosedAtUtc = table.Column<DateTime>(nullable: true),
                NeighbourhoodId = table.Column<Guid>(nullable: true),
                MinAge = table.Column<int>(nullable: true),
                MaxAge = table.Column<int>(nullable: true),
                Ground = table.Column<string>(maxLength: 30, nullable: true),
                NotContactedForDays = table.Column<int>(nullable: true),
                Introduction = table.Column<string>(maxLength: 4000, nullable: false),
                QuestionsJson = table.Column<string>(nullable: false),
                Closing = table.Column<string>(maxLength: 4000, nullable: false),
                RetryAfterHours = table.Column<int>(nullable: false),
                MaxAttempts = table.Column<int>(nullable: false),
                FollowUpEveryDays = table.Column<int>(nullable: true),
                ReservationMinutes = table.Column<int>(nullable: false),
                TargetCount = table.Column<int>(nullable: false),
                HiddenCount = table.Column<int>(nullable: false),
                TargetsBuiltAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Campaigns", x => x.Id));
        migrationBuilder.CreateIndex("IX_Campaigns_Status", "Campaigns", "Status");

        migrationBuilder.CreateTable(
            name: "Callers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                Level = table.Column<string>(maxLength: 20, nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Active = table.Column<bool>(nullable: false),
                EnrolledAtUtc = table.Column<DateTime>(nullable: false),
                EnrolledByUserId = table.Column<string>(maxLength: 450, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Callers", x => x.Id));
        migrationBuilder.CreateIndex("IX_Callers_UserId", "Callers", "UserId", unique: true);

        migrationBuilder.CreateTable(
            name: "CallTargets",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CampaignId = table.Column<Guid>(nullable: false),
                RegistrantId = table.Column<Guid>(nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                DueAtUtc = table.Column<DateTime>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                Complex = table.Column<bool>(nullable: false),
                ReservedByCallerId = table.Column<Guid>(nullable: true),
                ReservationToken = table.Column<Guid>(nullable: true),
                LastOutcome = table.Column<string>(maxLength: 20, nullable: true),
                LastCallAtUtc = table.Column<DateTime>(nullable: true),
                CallsMade = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_CallTargets", x => x.Id));
        migrationBuilder.CreateIndex("IX_CallTargets_CampaignId_DueAtUtc", "CallTargets", ["CampaignId", "DueAtUtc"]);
        migrationBuilder.CreateIndex("IX_CallTargets_CampaignId_RegistrantId", "CallTargets", ["CampaignId", "RegistrantId"], unique: true);
        migrationBuilder.CreateIndex("IX_CallTargets_SubjectId", "CallTargets", "SubjectId");
        migrationBuilder.CreateIndex("IX_CallTargets_ReservedByCallerId", "CallTargets", "ReservedByCallerId");

        migrationBuilder.CreateTable(
            name: "Calls",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CampaignId = table.Column<Guid>(nullable: false),
                TargetId = table.Column<Guid>(nullable: false),
                RegistrantId = table.Column<Guid>(nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                CallerId = table.Column<Guid>(nullable: false),
                CallerUserId = table.Column<string>(maxLength: 450, nullable: false),
                ReservationToken = table.Column<Guid>(nullable: false),
                Attempt = table.Column<int>(nullable: false),
                ClaimedAtUtc = table.Column<DateTime>(nullable: false),
                EndedAtUtc = table.Column<DateTime>(nullable: true),
                Outcome = table.Column<string>(maxLength: 20, nullable: true),
                AnswersJson = table.Column<string>(nullable: true),
                Notes = table.Column<string>(maxLength: 2000, nullable: true),
                CallBackAtUtc = table.Column<DateTime>(nullable: true),
                Late = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Calls", x => x.Id));
        migrationBuilder.CreateIndex("IX_Calls_CampaignId_ClaimedAtUtc", "Calls", ["CampaignId", "ClaimedAtUtc"]);
        migrationBuilder.CreateIndex("IX_Calls_TargetId", "Calls", "TargetId");
        migrationBuilder.CreateIndex("IX_Calls_CallerId_EndedAtUtc", "Calls", ["CallerId", "EndedAtUtc"]);
        migrationBuilder.CreateIndex("IX_Calls_RegistrantId", "Calls", "RegistrantId");
        migrationBuilder.CreateIndex("IX_Calls_SubjectId", "Calls", "SubjectId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Calls");
        migrationBuilder.DropTable("CallTargets");
        migrationBuilder.DropTable("Callers");
        migrationBuilder.DropTable("Campaigns");
    }
}
