using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Reflexes.Web.Platform.Data.Migrations;

/// <summary>The civic reserve's people: skills, volunteers and their availability, agents' quotas and reassignments (Reserve).</summary>
[DbContext(typeof(ReflexesDbContext))]
[Migration("20261124001100_ReserveVolunteers")]
public sealed class ReserveVolunteers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Skills",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                ParentId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Skills", x => x.Id);
                table.ForeignKey("FK_Skills_Skills_ParentId", x => x.ParentId, "Skills", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Skills_Name", "Skills", "Name", unique: true);
        migrationBuilder.CreateIndex("IX_Skills_ParentId", "Skills", "ParentId");

        migrationBuilder.CreateTable(
            name: "Volunteers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Enrolment = table.Column<string>(maxLength: 30, nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: true),
                AgentId = table.Column<Guid>(nullable: true),
                FirstName = table.Column<string>(maxLength: 100, nullable: false),
                LastName = table.Column<string>(maxLength: 100, nullable: false),
                Phone = table.Column<string>(maxLength: 30, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                NeighbourhoodId = table.Column<Guid>(nullable: true),
                Latitude = table.Column<double>(nullable: false),
                Longitude = table.Column<double>(nullable: false),
                LocationGiven = table.Column<bool>(nullable: false),
                MaxDistanceKm = table.Column<int>(nullable: false),
                MaxHalfDaysPerWeek = table.Column<int>(nullable: false),
                MaxHalfDaysPerMonth = table.Column<int>(nullable: false),
                Languages = table.Column<string>(maxLength: 200, nullable: false),
                PatternMask = table.Column<int>(nullable: false),
                NeverMask = table.Column<int>(nullable: false),
                RecordedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                JoinedAtUtc = table.Column<DateTime>(nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
                LeftAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Volunteers", x => x.Id);
                table.ForeignKey("FK_Volunteers_Neighbourhoods_NeighbourhoodId", x => x.NeighbourhoodId, "Neighbourhoods", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Volunteers_SubjectId", "Volunteers", "SubjectId", unique: true);
        migrationBuilder.CreateIndex("IX_Volunteers_UserId", "Volunteers", "UserId");
        migrationBuilder.CreateIndex("IX_Volunteers_AgentId", "Volunteers", "AgentId");
        migrationBuilder.CreateIndex("IX_Volunteers_NeighbourhoodId", "Volunteers", "NeighbourhoodId");

        migrationBuilder.CreateTable(
            name: "VolunteerSkills",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                VolunteerId = table.Column<Guid>(nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                SkillId = table.Column<Guid>(nullable: false),
                Secondary = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_VolunteerSkills", x => x.Id);
                table.ForeignKey("FK_VolunteerSkills_Volunteers_VolunteerId", x => x.VolunteerId, "Volunteers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_VolunteerSkills_Skills_SkillId", x => x.SkillId, "Skills", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_VolunteerSkills_VolunteerId_SkillId", "VolunteerSkills", ["VolunteerId", "SkillId"], unique: true);
        migrationBuilder.CreateIndex("IX_VolunteerSkills_SubjectId", "VolunteerSkills", "SubjectId");
        migrationBuilder.CreateIndex("IX_VolunteerSkills_SkillId", "VolunteerSkills", "SkillId");

        migrationBuilder.CreateTable(
            name: "VolunteerDatedAvailabilities",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                VolunteerId = table.Column<Guid>(nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                Period = table.Column<string>(maxLength: 20, nullable: false),
                Available = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_VolunteerDatedAvailabilities", x => x.Id);
                table.ForeignKey("FK_VolunteerDatedAvailabilities_Volunteers_VolunteerId", x => x.VolunteerId, "Volunteers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(
            "IX_VolunteerDatedAvailabilities_VolunteerId_Date_Period", "VolunteerDatedAvailabilities", ["VolunteerId", "Date", "Period"], unique: true);
        migrationBuilder.CreateIndex("IX_VolunteerDatedAvailabilities_SubjectId", "VolunteerDatedAvailabilities", "SubjectId");

        migrationBuilder.CreateTable(
            name: "ReassignmentQuotas",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                DaysPerAgent = table.Column<int>(nullable: false),
                SetByUserId = table.Column<string>(maxLength: 450, nullable: false),
                SetAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReassignmentQuotas", x => x.Id);
                table.ForeignKey("FK_ReassignmentQuotas_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ReassignmentQuotas_OrganisationId_Year", "ReassignmentQuotas", ["OrganisationId", "Year"], unique: true);

        migrationBuilder.CreateTable(
            name: "Reassignments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                VolunteerId = table.Column<Guid>(nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                AgentId = table.Column<Guid>(nullable: false),
                ManagerAgentId = table.Column<Guid>(nullable: false),
                HostOrganisationId = table.Column<Guid>(nullable: false),
                Description = table.Column<string>(maxLength: 1000, nullable: false),
                StartDate = table.Column<DateOnly>(nullable: false),
                PlannedEndDate = table.Column<DateOnly>(nullable: false),
                PlannedReturnDate = table.Column<DateOnly>(nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                RequestedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                RequestedAtUtc = table.Column<DateTime>(nullable: false),
                DecidedByUserId = table.Column<string>(maxLength: 450, nullable: true),
                DecidedAtUtc = table.Column<DateTime>(nullable: true),
                DecisionNote = table.Column<string>(maxLength: 500, nullable: true),
                Mentor = table.Column<string>(maxLength: 200, nullable: true),
                MentorNamedAtUtc = table.Column<DateTime>(nullable: true),
                EndedOn = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Reassignments", x => x.Id);
                table.ForeignKey("FK_Reassignments_Volunteers_VolunteerId", x => x.VolunteerId, "Volunteers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Reassignments_Organisations_HostOrganisationId", x => x.HostOrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Reassignments_SubjectId", "Reassignments", "SubjectId");
        migrationBuilder.CreateIndex("IX_Reassignments_VolunteerId", "Reassignments", "VolunteerId");
        migrationBuilder.CreateIndex("IX_Reassignments_ManagerAgentId_Status", "Reassignments", ["ManagerAgentId", "Status"]);
        migrationBuilder.CreateIndex("IX_Reassignments_HostOrganisationId", "Reassignments", "HostOrganisationId");

        migrationBuilder.CreateTable(
            name: "ReassignmentHalfDays",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                VolunteerId = table.Column<Guid>(nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                ReassignmentId = table.Column<Guid>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                Period = table.Column<string>(maxLength: 20, nullable: false),
                MissionRef = table.Column<string>(maxLength: 200, nullable: false),
                SkillIds = table.Column<string>(maxLength: 2000, nullable: false),
                RecordedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                RecordedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReassignmentHalfDays", x => x.Id);
                table.ForeignKey("FK_ReassignmentHalfDays_Volunteers_VolunteerId", x => x.VolunteerId, "Volunteers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ReassignmentHalfDays_Reassignments_ReassignmentId", x => x.ReassignmentId, "Reassignments", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ReassignmentHalfDays_VolunteerId_Date_Period", "ReassignmentHalfDays", ["VolunteerId", "Date", "Period"], unique: true);
        migrationBuilder.CreateIndex("IX_ReassignmentHalfDays_SubjectId", "ReassignmentHalfDays", "SubjectId");
        migrationBuilder.CreateIndex("IX_ReassignmentHalfDays_ReassignmentId", "ReassignmentHalfDays", "ReassignmentId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ReassignmentHalfDays");
        migrationBuilder.DropTable("Reassignments");
        migrationBuilder.DropTable("ReassignmentQuotas");
        migrationBuilder.DropTable("VolunteerDatedAvailabilities");
        migrationBuilder.DropTable("VolunteerSkills");
        migrationBuilder.DropTable("Volunteers");
        migrationBuilder.DropTable("Skills");
    }
}
