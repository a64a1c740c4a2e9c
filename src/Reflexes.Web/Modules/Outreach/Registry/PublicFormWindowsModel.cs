using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Outreach.Domain;

namespace Reflexes.Web.Modules.Outreach.Registry;

/// <summary>The shared counting table of the public form's rate limit (ADR 0533).</summary>
internal static class PublicFormWindowsModel
{
    public static void Configure(ModelBuilder builder) =>
        builder.Entity<PublicFormWindow>(e =>
        {
            e.ToTable("PublicFormWindows");
            e.HasKey(w => new { w.AddressHash, w.WindowHour });
            e.Property(w => w.AddressHash).HasMaxLength(64).IsRequired();
            e.HasIndex(w => w.WindowHour);
        });
}
