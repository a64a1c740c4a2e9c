using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Access.Domain;

namespace Reflexes.Web.Modules.Access;

/// <summary>The Access module's tables beyond the ASP.NET Core Identity ones.</summary>
internal static class AccessModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<ReflexesUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
            e.Property(u => u.PreferredLanguage).HasMaxLength(8).IsRequired().HasDefaultValue("fr");
        });

        builder.Entity<ReflexesRole>(e =>
        {
            e.Property(r => r.RequiresTwoFactor);
        });

        builder.Entity<Invitation>(e =>
        {
            e.ToTable("Invitations");
            e.HasKey(i => i.Id);
            e.Property(i => i.Email).HasMaxLength(256).IsRequired();
            e.Property(i => i.DisplayName).HasMaxLength(200).IsRequired();
            e.Property(i => i.RoleList).HasMaxLength(400).IsRequired();
            e.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
            e.Property(i => i.CreatedByUserId).HasMaxLength(450).IsRequired();
            e.Property(i => i.AcceptedUserId).HasMaxLength(450);
            e.HasIndex(i => i.TokenHash).IsUnique();
            e.Ignore(i => i.RoleNames);
        });
    }
}
