using Microsoft.EntityFrameworkCore;
using Reflexes.Web.Modules.Reserve.Domain;

namespace Reflexes.Web.Modules.Reserve.Notifications;

/// <summary>The table of in-app notifications.</summary>
internal static class NotificationsModel
{
    public static void Configure(ModelBuilder builder) =>
        builder.Entity<Notification>(e =>
        {
            e.ToTable("Notifications");
            e.HasKey(n => n.Id);
            e.Property(n => n.UserId).HasMaxLength(450).IsRequired();
            e.Property(n => n.Text).HasMaxLength(Notification.TextMaxLength).IsRequired();
            e.Property(n => n.Link).HasMaxLength(300);
            e.HasIndex(n => new { n.UserId, n.CreatedAtUtc });
        });
}
