using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Reserve.Domain;

namespace Reflexes.Web.Modules.Reserve.Planning;

/// <summary>The tables of volunteers' assignments to slots and of the last run's unfilled places.</summary>
internal static class AssignmentsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<SlotShortfall>(e =>
        {
            e.ToTable("SlotShortfalls");
            e.HasKey(s => s.Id);
            e.Property(s => s.Reason).HasMaxLength(30).IsRequired();
            e.HasIndex(s => s.WeekStart);
        });

        builder.Entity<AssignmentOfVolunteer>(e =>
        {
            e.ToTable("Assignments");
            e.HasKey(a => a.Id);
            e.Property(a => a.UserId).HasMaxLength(450);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(30).IsRequired();
            e.Ignore(a => a.IsConfirmed);
            e.Ignore(a => a.IsActive);
            e.HasIndex(a => a.SubjectId);
            e.HasIndex(a => a.SlotId);
            e.HasIndex(a => a.UserId);
            e.HasIndex(a => a.VolunteerId);
        });
    }
}
