using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Reflexes.Web.Platform.Data.Migrations;

/// <summary>Referrals filed about registered people (Outreach).</summary>
[DbContext(typeof(ReflexesDbContext))]
[Migration("20261123000400_Referrals")]
public sealed class Referrals : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Referrals",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                RegistrantId = table.Column<Guid>(nullable: false),
                CampaignId = table.Column<Guid>(nullable: true),
                CallId = table.Column<Guid>(nullable: true),
                Category = table.Column<string>(maxLength: 30, nullable: false),
                Urgency = table.Column<string>(maxLength: 30, nullable: false),
                Details = table.Column<string>(maxLength: 2000, nullable: false),
                ConsentToShare = table.Column<bool>(nullable: false),
                FiledByUserId = table.Column<string>(maxLength: 450, nullable: false),
                FiledAtUtc = table.Column<DateTime>(nullable: false),
                Status = table.Column<string>(maxLength: 30, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Referrals", x => x.Id));
        migrationBuilder.CreateIndex("IX_Referrals_SubjectId", "Referrals", "SubjectId");
        migrationBuilder.CreateIndex("IX_Referrals_RegistrantId", "Referrals", "RegistrantId");
        migrationBuilder.CreateIndex("IX_Referrals_CampaignId", "Referrals", "CampaignId");
        migrationBuilder.CreateIndex("IX_Referrals_Status", "Referrals", "Status");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Referrals");
}
