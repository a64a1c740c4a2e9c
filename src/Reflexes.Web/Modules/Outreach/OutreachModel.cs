using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Outreach.Domain;

namespace Reflexes.Web.Modules.Outreach;

/// <summary>The Outreach module's tables: the register of fragile residents and referrals.</summary>
internal static class OutreachModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Registrant>(e =>
        {
            e.ToTable("Registrants");
            e.HasKey(r => r.Id);
            e.Property(r => r.FirstName).HasMaxLength(100).IsRequired();
            e.Property(r => r.LastName).HasMaxLength(100).IsRequired();
            e.Property(r => r.Address).HasMaxLength(300).IsRequired();
            e.Property(r => r.Phone).HasMaxLength(30).IsRequired();
            e.Property(r => r.OtherPhone).HasMaxLength(30);
            e.Property(r => r.AlertContact).HasMaxLength(300);
            e.Property(r => r.Ground).HasConversion<string>().HasMaxLength(30).IsRequired();
            e.Property(r => r.RegisteredBy).HasConversion<string>().HasMaxLength(30).IsRequired();
            e.Property(r => r.RecordedByUserId).HasMaxLength(450).IsRequired();
            e.HasIndex(r => r.SubjectId).IsUnique();
            e.HasIndex(r => r.NeighbourhoodId);
        });

        Referrals.ReferralsModel.Configure(builder);
        Campaigns.CampaignsModel.Configure(builder);
        Registry.RegistryModel.Configure(builder);
    }
}
