using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Territory.Domain;

namespace Reflexes.Web.Modules.Territory;

/// <summary>The Territory module's tables: the territory, neighbourhoods, organisations and agents.</summary>
internal static class TerritoryModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<TerritoryProfile>(e =>
        {
            e.ToTable("TerritoryProfiles");
            e.HasKey(t => t.Id);
            e.Property(t => t.Name).HasMaxLength(200).IsRequired();
            e.Property(t => t.OfficialCode).HasMaxLength(20);
            e.Property(t => t.Description).HasMaxLength(2000);
        });

        builder.Entity<Neighbourhood>(e =>
        {
            e.ToTable("Neighbourhoods");
            e.HasKey(n => n.Id);
            e.Property(n => n.Code).HasMaxLength(40).IsRequired();
            e.Property(n => n.Name).HasMaxLength(200).IsRequired();
            e.Property(n => n.OutlineGeoJson);
            e.HasIndex(n => n.Code).IsUnique();
        });

        builder.Entity<Organisation>(e =>
        {
            e.ToTable("Organisations");
            e.HasKey(o => o.Id);
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40).IsRequired();
            e.Property(o => o.Name).HasMaxLength(300).IsRequired();
            e.Property(o => o.Siret).HasMaxLength(14);
            e.Property(o => o.Rna).HasMaxLength(10);
            e.Property(o => o.ContactEmail).HasMaxLength(256);
            e.HasIndex(o => o.Name).IsUnique();
            e.HasOne<Organisation>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Agent>(e =>
        {
            e.ToTable("Agents");
            e.HasKey(a => a.Id);
            e.Property(a => a.FirstName).HasMaxLength(100).IsRequired();
            e.Property(a => a.LastName).HasMaxLength(100).IsRequired();
            e.Property(a => a.Email).HasMaxLength(256).IsRequired();
            e.Property(a => a.JobTitle).HasMaxLength(200);
            e.HasIndex(a => a.Email).IsUnique();
            e.HasOne<Organisation>().WithMany().HasForeignKey(a => a.ServiceId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Agent>().WithMany().HasForeignKey(a => a.ManagerId).OnDelete(DeleteBehavior.Restrict);
            e.Ignore(a => a.FullName);
        });
    }
}
