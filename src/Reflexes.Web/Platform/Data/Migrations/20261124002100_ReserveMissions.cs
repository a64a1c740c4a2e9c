using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Reflexes.Web.Platform.Data.Migrations;

/// <summary>Civic reserve, needs side: missions and slots, partner posters, crisis switch, offers, assignments, notifications.</summary>
[DbContext(typeof(ReflexesDbContext))]
[Migration("20261124002100_ReserveMissions")]
public sealed class ReserveMissions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Missions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 150, nullable: false),
                Description = table.Column<string>(maxLength: 4000, nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Source = table.Column<string>(maxLength: 30, nullable: false),
                NeighbourhoodId = table.Column<Guid>(nullable: false),
                Place = table.Column<string>(maxLength: 300, nullable: false),
                Lat = table.Column<double>(nullable: false),
                Lon = table.Column<double>(nullable: false),
                Skills = table.Column<string>(maxLength: 500, nullable: false),
                Languages = table.Column<string>(maxLength: 200, nullable: false),
                Priority = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: 30, nullable: false),
                Reason = table.Column<string>(maxLength: 1000, nullable: true),
                PostedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                SubmittedAtUtc = table.Column<DateTime>(nullable: true),
                PublishedAtUtc = table.Column<DateTime>(nullable: true),
                ModeratedByUserId = table.Column<string>(maxLength: 450, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Missions", x => x.Id));
        migrationBuilder.CreateIndex("IX_Missions_Status", "Missions", "Status");
        migrationBuilder.CreateIndex("IX_Missions_OrganisationId", "Missions", "OrganisationId");
        migrationBuilder.CreateIndex("IX_Missions_PostedByUserId", "Missions", "PostedByUserId");

        migrationBuilder.CreateTable(
            name: "MissionSlots",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MissionId = table.Column<Guid>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                Period = table.Column<string>(maxLength: 20, nullable: false),
                Needed = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MissionSlots", x => x.Id);
                table.ForeignKey("FK_MissionSlots_Missions_MissionId", x => x.MissionId, "Missions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_MissionSlots_MissionId", "MissionSlots", "MissionId");
        migrationBuilder.CreateIndex("IX_MissionSlots_Date", "MissionSlots", "Date");

        migrationBuilder.CreateTable(
            name: "MissionPosters",
            columns: table => new
            {
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_MissionPosters", x => x.UserId));

        migrationBuilder.CreateTable(
            name: "MissionCrisisModes",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                On = table.Column<bool>(nullable: false),
                ChangedAtUtc = table.Column<DateTime>(nullable: false),
                ChangedByUserId = table.Column<string>(maxLength: 450, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_MissionCrisisModes", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Offers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                AuthorName = table.Column<string>(maxLength: 200, nullable: false),
                Text = table.Column<string>(maxLength: 1000, nullable: false),
                NeighbourhoodId = table.Column<Guid>(nullable: true),
                PostedAtUtc = table.Column<DateTime>(nullable: false),
                Status = table.Column<string>(maxLength: 30, nullable: false),
                MissionId = table.Column<Guid>(nullable: true),
                LinkedByUserId = table.Column<string>(maxLength: 450, nullable: true),
                LinkedAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Offers", x => x.Id));
        migrationBuilder.CreateIndex("IX_Offers_SubjectId", "Offers", "SubjectId");
        migrationBuilder.CreateIndex("IX_Offers_Status", "Offers", "Status");

        migrationBuilder.CreateTable(
            name: "Assignments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                VolunteerId = table.Column<Guid>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: true),
                MissionId = table.Column<Guid>(nullable: false),
                SlotId = table.Column<Guid>(nullable: false),
                DistanceMeters = table.Column<long>(nullable: false),
                Status = table.Column<string>(maxLength: 30, nullable: false),
                ProposedAtUtc = table.Column<DateTime>(nullable: false),
                PublishedAtUtc = table.Column<DateTime>(nullable: true),
                AnsweredAtUtc = table.Column<DateTime>(nullable: true),
                MinutesSpent = table.Column<int>(nullable: true),
                AddedByHand = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Assignments", x => x.Id));
        migrationBuilder.CreateIndex("IX_Assignments_SubjectId", "Assignments", "SubjectId");
        migrationBuilder.CreateIndex("IX_Assignments_SlotId", "Assignments", "SlotId");
        migrationBuilder.CreateIndex("IX_Assignments_UserId", "Assignments", "UserId");
        migrationBuilder.CreateIndex("IX_Assignments_VolunteerId", "Assignments", "VolunteerId");

        migrationBuilder.CreateTable(
            name: "Notifications",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                Text = table.Column<string>(maxLength: 1000, nullable: false),
                Link = table.Column<string>(maxLength: 300, nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                ReadAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Notifications", x => x.Id));
        migrationBuilder.CreateIndex("IX_Notifications_UserId_CreatedAtUtc", "Notifications", ["UserId", "CreatedAtUtc"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Notifications");
        migrationBuilder.DropTable("Assignments");
        migrationBuilder.DropTable("Offers");
        migrationBuilder.DropTable("MissionCrisisModes");
        migrationBuilder.DropTable("MissionPosters");
        migrationBuilder.DropTable("MissionSlots");
        migrationBuilder.DropTable("Missions");
    }
}
