using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Reflexes.Web.Platform.Data.Migrations;

/// <summary>The staff directory (agents), e-mail invitations, and roles that demand two-factor sign-in.</summary>
[DbContext(typeof(ReflexesDbContext))]
[Migration("20261122000200_AgentsInvitationsTwoFactorRoles")]
public sealed class AgentsInvitationsTwoFactorRoles : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>(name: "RequiresTwoFactor", table: "AspNetRoles", nullable: false, defaultValue: false);

        migrationBuilder.CreateTable(
            name: "Agents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FirstName = table.Column<string>(maxLength: 100, nullable: false),
                LastName = table.Column<string>(maxLength: 100, nullable: false),
                Email = table.Column<string>(maxLength: 256, nullable: false),
                JobTitle = table.Column<string>(maxLength: 200, nullable: true),
                ServiceId = table.Column<Guid>(nullable: false),
                ManagerId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Agents", x => x.Id);
                table.ForeignKey("FK_Agents_Agents_ManagerId", x => x.ManagerId, "Agents", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Agents_Organisations_ServiceId", x => x.ServiceId, "Organisations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Agents_Email", "Agents", "Email", unique: true);
        migrationBuilder.CreateIndex("IX_Agents_ManagerId", "Agents", "ManagerId");
        migrationBuilder.CreateIndex("IX_Agents_ServiceId", "Agents", "ServiceId");

        migrationBuilder.CreateTable(
            name: "Invitations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Email = table.Column<string>(maxLength: 256, nullable: false),
                DisplayName = table.Column<string>(maxLength: 200, nullable: false),
                RoleList = table.Column<string>(maxLength: 400, nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                ExpiresAtUtc = table.Column<DateTime>(nullable: false),
                CreatedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                AcceptedAtUtc = table.Column<DateTime>(nullable: true),
                AcceptedUserId = table.Column<string>(maxLength: 450, nullable: true),
                RevokedAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Invitations", x => x.Id));
        migrationBuilder.CreateIndex("IX_Invitations_TokenHash", "Invitations", "TokenHash", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Invitations");
        migrationBuilder.DropTable("Agents");
        migrationBuilder.DropColumn(name: "RequiresTwoFactor", table: "AspNetRoles");
    }
}
