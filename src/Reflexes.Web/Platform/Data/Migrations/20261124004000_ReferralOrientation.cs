using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Reflexes.Web.Platform.Data.Migrations;

/// <summary>Orientation of referrals (Outreach): routing, receiving services, deadlines, escalation and history.</summary>
[DbContext(typeof(ReflexesDbContext))]
[Migration("20261124004000_ReferralOrientation")]
public sealed class ReferralOrientation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>(name: "NeighbourhoodId", table: "Referrals", nullable: true);
        migrationBuilder.AddColumn<Guid>(name: "ServiceId", table: "Referrals", nullable: true);
        migrationBuilder.AddColumn<string>(name: "OwnerUserId", table: "Referrals", maxLength: 450, nullable: true);
        migrationBuilder.AddColumn<string>(name: "OrientatorUserId", table: "Referrals", maxLength: 450, nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "AssignedAtUtc", table: "Referrals", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "AcknowledgedAtUtc", table: "Referrals", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "ClosedAtUtc", table: "Referrals", nullable: true);
        // Referrals filed before deadlines existed are due at once: orientation sees them first.
        migrationBuilder.AddColumn<DateTime>(name: "AcknowledgeByUtc", table: "Referrals", nullable: false, defaultValue: new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        migrationBuilder.AddColumn<DateTime>(name: "CloseByUtc", table: "Referrals", nullable: false, defaultValue: new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        migrationBuilder.Sql("UPDATE \"Referrals\" SET \"AcknowledgeByUtc\" = \"FiledAtUtc\", \"CloseByUtc\" = \"FiledAtUtc\"");
        migrationBuilder.AddColumn<DateTime>(name: "AcknowledgementEscalatedAtUtc", table: "Referrals", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "ClosureEscalatedAtUtc", table: "Referrals", nullable: true);
        migrationBuilder.AddColumn<string>(name: "Outcome", table: "Referrals", maxLength: 30, nullable: true);
        migrationBuilder.CreateIndex("IX_Referrals_ServiceId", "Referrals", "ServiceId");

        migrationBuilder.CreateTable(
            name: "ReferralEvents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ReferralId = table.Column<Guid>(nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                AtUtc = table.Column<DateTime>(nullable: false),
                ActorUserId = table.Column<string>(maxLength: 450, nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                Status = table.Column<string>(maxLength: 30, nullable: false),
                ServiceId = table.Column<Guid>(nullable: true),
                Note = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ReferralEvents", x => x.Id));
        migrationBuilder.CreateIndex("IX_ReferralEvents_ReferralId", "ReferralEvents", "ReferralId");
        migrationBuilder.CreateIndex("IX_ReferralEvents_SubjectId", "ReferralEvents", "SubjectId");

        migrationBuilder.CreateTable(
            name: "RoutingRules",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Category = table.Column<string>(maxLength: 30, nullable: true),
                NeighbourhoodId = table.Column<Guid>(nullable: true),
                ServiceId = table.Column<Guid>(nullable: false),
                CreatedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_RoutingRules", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ServiceMembers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ServiceId = table.Column<Guid>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                AddedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                AddedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ServiceMembers", x => x.Id));
        migrationBuilder.CreateIndex("IX_ServiceMembers_ServiceId_UserId", "ServiceMembers", ["ServiceId", "UserId"], unique: true);
        migrationBuilder.CreateIndex("IX_ServiceMembers_UserId", "ServiceMembers", "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ServiceMembers");
        migrationBuilder.DropTable("RoutingRules");
        migrationBuilder.DropTable("ReferralEvents");
        migrationBuilder.DropIndex("IX_Referrals_ServiceId", "Referrals");
        foreach (var column in new[]
        {
            "NeighbourhoodId", "ServiceId", "OwnerUserId", "OrientatorUserId", "AssignedAtUtc", "AcknowledgedAtUtc", "ClosedAtUtc",
            "AcknowledgeByUtc", "CloseByUtc", "AcknowledgementEscalatedAtUtc", "ClosureEscalatedAtUtc", "Outcome",
        })
        {
            migrationBuilder.DropColumn(column, "Referrals");
        }
    }
}
