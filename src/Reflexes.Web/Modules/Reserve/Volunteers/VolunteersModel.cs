using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Modules.Territory.Domain;

namespace Reflexes.Web.Modules.Reserve.Volunteers;

/// <summary>The tables of the reserve's people: skills, volunteers, their skills and dated exceptions, and agents' reassignments.</summary>
internal static class VolunteersModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Skill>(e =>
        {
            e.ToTable("Skills");
            e.HasKey(s => s.Id);
            e.Property(s => s.Name).HasMaxLength(Skill.NameMaxLength).IsRequired();
            e.HasIndex(s => s.Name).IsUnique();
            e.HasOne<Skill>().WithMany().HasForeignKey(s => s.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Volunteer>(e =>
        {
            e.ToTable("Volunteers");
            e.HasKey(v => v.Id);
            e.Property(v => v.Kind).HasConversion<string>().HasMaxLength(20).IsRequired();
            e.Property(v => v.Enrolment).HasConversion<string>().HasMaxLength(30).IsRequired();
            e.Property(v => v.UserId).HasMaxLength(450);
            e.Property(v => v.FirstName).HasMaxLength(VolunteerProfile.NameMaxLength).IsRequired();
            e.Property(v => v.LastName).HasMaxLength(VolunteerProfile.NameMaxLength).IsRequired();
            e.Property(v => v.Phone).HasMaxLength(VolunteerProfile.PhoneMaxLength);
            e.Property(v => v.Email).HasMaxLength(VolunteerProfile.EmailMaxLength);
            e.Property(v => v.Languages).HasMaxLength(200).IsRequired();
            e.Property(v => v.RecordedByUserId).HasMaxLength(450).IsRequired();
            e.HasIndex(v => v.SubjectId).IsUnique();
            e.HasIndex(v => v.UserId);
            e.HasIndex(v => v.AgentId);
            e.HasOne<Neighbourhood>().WithMany().HasForeignKey(v => v.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
            e.Ignore(v => v.FullName);
            e.Ignore(v => v.Pattern);
            e.Ignore(v => v.Never);
            e.Ignore(v => v.LanguageList);
            e.Ignore(v => v.Active);
        });

        builder.Entity<VolunteerSkill>(e =>
        {
            e.ToTable("VolunteerSkills");
            e.HasKey(s => s.Id);
            e.HasIndex(s => new { s.VolunteerId, s.SkillId }).IsUnique();
            e.HasIndex(s => s.SubjectId);
            e.HasIndex(s => s.SkillId);
            e.HasOne<Volunteer>().WithMany().HasForeignKey(s => s.VolunteerId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Skill>().WithMany().HasForeignKey(s => s.SkillId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<VolunteerDatedAvailability>(e =>
        {
            e.ToTable("VolunteerDatedAvailabilities");
            e.HasKey(x => x.Id);
            e.Property(x => x.Period).HasConversion<string>().HasMaxLength(20).IsRequired();
            e.HasIndex(x => new { x.VolunteerId, x.Date, x.Period }).IsUnique();
            e.HasIndex(x => x.SubjectId);
            e.HasOne<Volunteer>().WithMany().HasForeignKey(x => x.VolunteerId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(x => x.HalfDay);
        });

        builder.Entity<ReassignmentQuota>(e =>
        {
            e.ToTable("ReassignmentQuotas");
            e.HasKey(q => q.Id);
            e.Property(q => q.SetByUserId).HasMaxLength(450).IsRequired();
            e.HasIndex(q => new { q.OrganisationId, q.Year }).IsUnique();
            e.HasOne<Organisation>().WithMany().HasForeignKey(q => q.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Reassignment>(e =>
        {
            e.ToTable("Reassignments");
            e.HasKey(r => r.Id);
            e.Property(r => r.Description).HasMaxLength(Reassignment.DescriptionMaxLength).IsRequired();
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20).IsRequired();
            e.Property(r => r.RequestedByUserId).HasMaxLength(450).IsRequired();
            e.Property(r => r.DecidedByUserId).HasMaxLength(450);
            e.Property(r => r.DecisionNote).HasMaxLength(Reassignment.NoteMaxLength);
            e.Property(r => r.Mentor).HasMaxLength(Reassignment.MentorMaxLength);
            e.HasIndex(r => r.SubjectId);
            e.HasIndex(r => r.VolunteerId);
            e.HasIndex(r => new { r.ManagerAgentId, r.Status });
            e.HasOne<Volunteer>().WithMany().HasForeignKey(r => r.VolunteerId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Organisation>().WithMany().HasForeignKey(r => r.HostOrganisationId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ReassignmentHalfDay>(e =>
        {
            e.ToTable("ReassignmentHalfDays");
            e.HasKey(h => h.Id);
            e.Property(h => h.Period).HasConversion<string>().HasMaxLength(20).IsRequired();
            e.Property(h => h.MissionRef).HasMaxLength(ReassignmentHalfDay.MissionMaxLength).IsRequired();
            e.Property(h => h.SkillIds).HasMaxLength(2000).IsRequired();
            e.Property(h => h.RecordedByUserId).HasMaxLength(450).IsRequired();
            e.HasIndex(h => new { h.VolunteerId, h.Date, h.Period }).IsUnique();
            e.HasIndex(h => h.SubjectId);
            e.HasIndex(h => h.ReassignmentId);
            e.HasOne<Volunteer>().WithMany().HasForeignKey(h => h.VolunteerId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Reassignment>().WithMany().HasForeignKey(h => h.ReassignmentId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(h => h.HalfDay);
            e.Ignore(h => h.SkillList);
        });
    }
}
