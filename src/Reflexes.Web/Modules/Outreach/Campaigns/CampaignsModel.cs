using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Outreach.Domain;

namespace Reflexes.Web.Modules.Outreach.Campaigns;

/// <summary>Tables of call campaigns: campaigns, callers, the target queue and the calls made.</summary>
internal static class CampaignsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Campaign>(e =>
        {
            e.ToTable("Campaigns");
            e.HasKey(c => c.Id);
            e.Property(c => c.Name).HasMaxLength(CampaignSettings.NameMaxLength).IsRequired();
            e.Property(c => c.PurposeCode).HasMaxLength(100).IsRequired();
            e.Property(c => c.LeadUserId).HasMaxLength(450).IsRequired();
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(20).IsRequired();
            e.Property(c => c.Ground).HasConversion<string>().HasMaxLength(30);
            e.Property(c => c.Introduction).HasMaxLength(CampaignScript.TextMaxLength).IsRequired();
            e.Property(c => c.Closing).HasMaxLength(CampaignScript.TextMaxLength).IsRequired();
            e.Property(c => c.QuestionsJson).IsRequired();
            e.Ignore(c => c.Targeting);
            e.Ignore(c => c.Rules);
            e.Ignore(c => c.Script);
            e.Ignore(c => c.Settings);
            e.HasIndex(c => c.Status);
        });

        builder.Entity<Caller>(e =>
        {
            e.ToTable("Callers");
            e.HasKey(c => c.Id);
            e.Property(c => c.UserId).HasMaxLength(450).IsRequired();
            e.Property(c => c.EnrolledByUserId).HasMaxLength(450).IsRequired();
            e.Property(c => c.Level).HasConversion<string>().HasMaxLength(20).IsRequired();
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20).IsRequired();
            e.HasIndex(c => c.UserId).IsUnique();
        });

        builder.Entity<CallTarget>(e =>
        {
            e.ToTable("CallTargets");
            e.HasKey(t => t.Id);
            e.Property(t => t.Status).HasConversion<string>().HasMaxLength(20).IsRequired();
            e.Property(t => t.LastOutcome).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(t => new { t.CampaignId, t.DueAtUtc });
            e.HasIndex(t => new { t.CampaignId, t.RegistrantId }).IsUnique();
            e.HasIndex(t => t.SubjectId);
            e.HasIndex(t => t.ReservedByCallerId);
        });

        builder.Entity<CallRecord>(e =>
        {
            e.ToTable("Calls");
            e.HasKey(c => c.Id);
            e.Property(c => c.CallerUserId).HasMaxLength(450).IsRequired();
            e.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Notes).HasMaxLength(CallRecord.NotesMaxLength);
            e.HasIndex(c => new { c.CampaignId, c.ClaimedAtUtc });
            e.HasIndex(c => c.TargetId);
            e.HasIndex(c => new { c.CallerId, c.EndedAtUtc });
            e.HasIndex(c => c.RegistrantId);
            e.HasIndex(c => c.SubjectId);
        });
    }
}
