using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.DataTrust.Domain;

namespace Reflexes.Web.Modules.DataTrust;

/// <summary>The data trust's tables: the purpose register, data subjects and their consent records.</summary>
internal static class DataTrustModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<ProcessingPurpose>(e =>
        {
            e.ToTable("ProcessingPurposes");
            e.HasKey(p => p.Id);
            e.Property(p => p.Code).HasMaxLength(ProcessingPurpose.MaxCodeLength).IsRequired();
            e.Property(p => p.Title).HasMaxLength(200).IsRequired();
            e.Property(p => p.Description).HasMaxLength(4000).IsRequired();
            e.Property(p => p.LegalBasis).HasConversion<string>().HasMaxLength(40).IsRequired();
            e.Property(p => p.DataCategories).HasMaxLength(2000).IsRequired();
            e.Property(p => p.Controller).HasMaxLength(200).IsRequired();
            e.Property(p => p.CreatedByUserId).HasMaxLength(450).IsRequired();
            e.HasIndex(p => new { p.Code, p.Version }).IsUnique();
            e.Ignore(p => p.RequiresConsent);
            e.Ignore(p => p.DataCategoryList);
        });

        builder.Entity<DataSubject>(e =>
        {
            e.ToTable("DataSubjects");
            e.HasKey(s => s.Id);
            e.Property(s => s.UserId).HasMaxLength(450);
            e.HasIndex(s => s.UserId).IsUnique();
        });

        builder.Entity<ConsentRecord>(e =>
        {
            e.ToTable("ConsentRecords");
            e.HasKey(c => c.Id);
            e.Property(c => c.Choice).HasConversion<string>().HasMaxLength(20).IsRequired();
            e.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20).IsRequired();
            e.Property(c => c.RecordedByUserId).HasMaxLength(450).IsRequired();
            e.Property(c => c.OnBehalfOf).HasMaxLength(ConsentRecord.MaxOnBehalfOfLength);
            e.HasOne<DataSubject>().WithMany().HasForeignKey(c => c.SubjectId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<ProcessingPurpose>().WithMany().HasForeignKey(c => c.PurposeId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => new { c.SubjectId, c.RecordedAtUtc });
        });

        builder.Entity<ExceptionalUse>(e =>
        {
            e.ToTable("ExceptionalUses");
            e.HasKey(x => x.Id);
            e.Property(x => x.Reference).HasMaxLength(40).IsRequired();
            e.Property(x => x.Title).HasMaxLength(200).IsRequired();
            e.Property(x => x.Justification).HasMaxLength(4000).IsRequired();
            e.Property(x => x.SourcePurposeCode).HasMaxLength(ProcessingPurpose.MaxCodeLength).IsRequired();
            e.Property(x => x.DataCategories).HasMaxLength(2000).IsRequired();
            e.Property(x => x.Scope).HasMaxLength(1000).IsRequired();
            e.Property(x => x.RequestedByUserId).HasMaxLength(450).IsRequired();
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20).IsRequired();
            e.Property(x => x.DecisionReasons).HasMaxLength(4000);
            e.Property(x => x.DecidedByUserId).HasMaxLength(450);
            e.HasIndex(x => x.Reference).IsUnique();
        });

        builder.Entity<DataBoardMember>(e =>
        {
            e.ToTable("DataBoardMembers");
            e.HasKey(x => x.UserId);
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.AddedByUserId).HasMaxLength(450).IsRequired();
        });
    }
}
