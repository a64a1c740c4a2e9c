using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Reserve.Domain;

namespace Reflexes.Web.Modules.Reserve.Offers;

/// <summary>The table of residents' free offers of help.</summary>
internal static class OffersModel
{
    public static void Configure(ModelBuilder builder) =>
        builder.Entity<OfferOfHelp>(e =>
        {
            e.ToTable("Offers");
            e.HasKey(o => o.Id);
            e.Property(o => o.UserId).HasMaxLength(450).IsRequired();
            e.Property(o => o.AuthorName).HasMaxLength(200).IsRequired();
            e.Property(o => o.Text).HasMaxLength(OfferOfHelp.TextMaxLength).IsRequired();
            e.Property(o => o.Status).HasConversion<string>().HasMaxLength(30).IsRequired();
            e.Property(o => o.LinkedByUserId).HasMaxLength(450);
            e.HasIndex(o => o.SubjectId);
            e.HasIndex(o => o.Status);
        });
}
