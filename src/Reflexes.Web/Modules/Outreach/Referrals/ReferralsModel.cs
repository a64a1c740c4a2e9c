using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Outreach.Domain;

namespace Reflexes.Web.Modules.Outreach.Referrals;

/// <summary>The tables of referrals, their history, routing rules and receiving services' members.</summary>
internal static class ReferralsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Referral>(e =>
        {
            e.ToTable("Referrals");
            e.HasKey(r => r.Id);
            e.Property(r => r.Category).HasConversion<string>().HasMaxLength(30).IsRequired();
            e.Property(r => r.Urgency).HasConversion<string>().HasMaxLength(30).IsRequired();
            e.Property(r => r.Details).HasMaxLength(ReferralFiling.DetailsMaxLength).IsRequired();
            e.Property(r => r.FiledByUserId).HasMaxLength(450).IsRequired();
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(30).IsRequired();
            e.Property(r => r.OwnerUserId).HasMaxLength(450);
            e.Property(r => r.OrientatorUserId).HasMaxLength(450);
            e.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(30);
            e.Ignore(r => r.IsOpen);
            e.HasIndex(r => r.SubjectId);
            e.HasIndex(r => r.RegistrantId);
            e.HasIndex(r => r.CampaignId);
            e.HasIndex(r => r.Status);
            e.HasIndex(r => r.ServiceId);
        });

        builder.Entity<ReferralEvent>(e =>
        {
            e.ToTable("ReferralEvents");
            e.HasKey(x => x.Id);
            e.Property(x => x.ActorUserId).HasMaxLength(450).IsRequired();
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40).IsRequired();
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(30).IsRequired();
            e.Property(x => x.Note).HasMaxLength(ReferralEvent.NoteMaxLength);
            e.HasIndex(x => x.ReferralId);
            e.HasIndex(x => x.SubjectId);
        });

        builder.Entity<RoutingRule>(e =>
        {
            e.ToTable("RoutingRules");
            e.HasKey(x => x.Id);
            e.Property(x => x.Category).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.CreatedByUserId).HasMaxLength(450).IsRequired();
            e.Ignore(x => x.Specificity);
        });

        builder.Entity<ServiceMember>(e =>
        {
            e.ToTable("ServiceMembers");
            e.HasKey(x => x.Id);
            e.Property(x => x.UserId).HasMaxLength(450).IsRequired();
            e.Property(x => x.AddedByUserId).HasMaxLength(450).IsRequired();
            e.HasIndex(x => new { x.ServiceId, x.UserId }).IsUnique();
            e.HasIndex(x => x.UserId);
        });
    }
}
