using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Reserve.Domain;

namespace Reflexes.Web.Modules.Reserve.Missions;

/// <summary>Tables of missions, their slots, partner posters and the crisis switch.</summary>
internal static class MissionsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Mission>(e =>
        {
            e.ToTable("Missions");
            e.HasKey(m => m.Id);
            e.Property(m => m.Title).HasMaxLength(MissionDraft.TitleMaxLength).IsRequired();
            e.Property(m => m.Description).HasMaxLength(MissionDraft.DescriptionMaxLength).IsRequired();
            e.Property(m => m.Source).HasConversion<string>().HasMaxLength(30).IsRequired();
            e.Property(m => m.Place).HasMaxLength(MissionDraft.PlaceMaxLength).IsRequired();
            e.Property(m => m.Skills).HasMaxLength(500).IsRequired();
            e.Property(m => m.Languages).HasMaxLength(200).IsRequired();
            e.Property(m => m.Priority).HasConversion<int>();
            e.Property(m => m.Status).HasConversion<string>().HasMaxLength(30).IsRequired();
            e.Property(m => m.Reason).HasMaxLength(Mission.ReasonMaxLength);
            e.Property(m => m.PostedByUserId).HasMaxLength(450).IsRequired();
            e.Property(m => m.ModeratedByUserId).HasMaxLength(450);
            e.HasMany(m => m.Slots).WithOne().HasForeignKey(s => s.MissionId).OnDelete(DeleteBehavior.Cascade);
            e.Navigation(m => m.Slots).UsePropertyAccessMode(PropertyAccessMode.Field);
            e.HasIndex(m => m.Status);
            e.HasIndex(m => m.OrganisationId);
            e.HasIndex(m => m.PostedByUserId);
        });

        builder.Entity<MissionSlot>(e =>
        {
            e.ToTable("MissionSlots");
            e.HasKey(s => s.Id);
            e.Property(s => s.Period).HasConversion<string>().HasMaxLength(20).IsRequired();
            e.Ignore(s => s.HalfDayCode);
            e.HasIndex(s => s.Date);
        });

        builder.Entity<MissionPoster>(e =>
        {
            e.ToTable("MissionPosters");
            e.HasKey(p => p.UserId);
            e.Property(p => p.UserId).HasMaxLength(450);
        });

        builder.Entity<MissionCrisisMode>(e =>
        {
            e.ToTable("MissionCrisisModes");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.Property(c => c.ChangedByUserId).HasMaxLength(450).IsRequired();
        });
    }
}
