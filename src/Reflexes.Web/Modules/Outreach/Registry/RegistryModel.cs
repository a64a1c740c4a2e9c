using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Outreach.Domain;

namespace Reflexes.Web.Modules.Outreach.Registry;

/// <summary>The register's tables for online registration, imports and merges.</summary>
internal static class RegistryModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Registrant>(e =>
        {
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20).IsRequired();
            e.Property(r => r.Requester).HasMaxLength(300);
            e.Property(r => r.RequestedPurposes).HasMaxLength(1000);
            e.HasIndex(r => r.Status);
        });

        builder.Entity<RegistrantImportBatch>(e =>
        {
            e.ToTable("RegistrantImportBatches");
            e.HasKey(b => b.Id);
            e.Property(b => b.PurposeCode).HasMaxLength(60).IsRequired();
            e.Property(b => b.Channel).HasConversion<string>().HasMaxLength(20).IsRequired();
            e.Property(b => b.SourceName).HasMaxLength(200).IsRequired();
            e.Property(b => b.FileName).HasMaxLength(260).IsRequired();
            e.Property(b => b.CreatedByUserId).HasMaxLength(450).IsRequired();
            e.Property(b => b.Status).HasConversion<string>().HasMaxLength(20).IsRequired();
        });

        builder.Entity<RegistrantImportRow>(e =>
        {
            e.ToTable("RegistrantImportRows");
            e.HasKey(r => r.Id);
            e.Property(r => r.FirstName).HasMaxLength(100).IsRequired();
            e.Property(r => r.LastName).HasMaxLength(100).IsRequired();
            e.Property(r => r.Address).HasMaxLength(300).IsRequired();
            e.Property(r => r.Phone).HasMaxLength(30).IsRequired();
            e.Property(r => r.OtherPhone).HasMaxLength(30);
            e.Property(r => r.AlertContact).HasMaxLength(300);
            e.Property(r => r.Ground).HasConversion<string>().HasMaxLength(30).IsRequired();
            e.HasIndex(r => r.BatchId);
        });

        builder.Entity<RegistrantImportPair>(e =>
        {
            e.ToTable("RegistrantImportPairs");
            e.HasKey(p => p.Id);
            e.Property(p => p.Reasons).HasMaxLength(500).IsRequired();
            e.HasIndex(p => p.BatchId);
        });

        builder.Entity<RegistrantMerge>(e =>
        {
            e.ToTable("RegistrantMerges");
            e.HasKey(m => m.Id);
            e.Property(m => m.Kept).HasMaxLength(300).IsRequired();
            e.Property(m => m.Absorbed).HasMaxLength(300).IsRequired();
            e.Property(m => m.FieldSources).HasMaxLength(1000).IsRequired();
            e.Property(m => m.SetAside).HasMaxLength(4000).IsRequired();
            e.Property(m => m.MergedByUserId).HasMaxLength(450).IsRequired();
            e.HasIndex(m => m.SubjectId);
            e.HasIndex(m => m.RegistrantId);
        });

        PublicFormWindowsModel.Configure(builder);
    }
}
