using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Platform.Email;
using Reflexes.Web.Platform.Localization;
using Reflexes.Web.Platform.Security;

namespace Reflexes.Web.Modules.Reserve.Notifications;

/// <summary>
/// Tells people what happened to their missions, offers and assignments: a line in their in-app list, and an
/// e-mail through the platform's mailer (SMTP, or the pickup folder in development). A failed e-mail never
/// undoes the action; the in-app line stays.
/// </summary>
public sealed partial class Notifier(
    ReflexesDbContext db,
    UserManager<ReflexesUser> users,
    Mailer mailer,
    IStringLocalizer text,
    SecuritySettings security,
    TimeProvider clock,
    ILogger<Notifier> logger)
{
    /// <summary>
    /// Adds the notification to the pending changes (saved by the caller) and e-mails it. The text is written in the
    /// recipient's language (their account's preference, French by default), never in the language of whoever acted:
    /// an argument that depends on the language (a day, a half-day) is given as a <see cref="Func{T, TResult}"/> of the
    /// localiser and rendered in the recipient's culture too (docs/adr/0322).
    /// </summary>
    public async Task NotifyAsync(string userId, string key, object[] arguments, string? link, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var user = await users.FindByIdAsync(userId);
        var culture = JsonStringLocalizer.SupportedCultures.FirstOrDefault(c => c.TwoLetterISOLanguageName == user?.PreferredLanguage) ?? JsonStringLocalizer.French;
        var (message, subject) = InCulture(culture, () =>
        {
            var resolved = arguments.Select(a => a is Func<IStringLocalizer, string> f ? f(text) : a).ToArray();
            return (text[key, resolved].Value, text["notification.mail.subject"].Value);
        });
        db.Notifications.Add(Notification.To(userId, message, link, clock.GetUtcNow().UtcDateTime));
        if (user?.Email is not { Length: > 0 } email)
        {
            return;
        }

        var body = link is null ? message : message + "\n\n" + Absolute(link);
        try
        {
            await mailer.SendAsync(email, subject, body, ct);
        }
        catch (Exception e) when (e is System.Net.Mail.SmtpException or IOException or InvalidOperationException)
        {
            LogMailFailed(logger, e.GetType().Name);
        }
    }

    public async Task<IReadOnlyList<Notification>> OfUserAsync(string userId, CancellationToken ct) =>
        await db.Notifications.AsNoTracking().Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAtUtc).Take(100).ToListAsync(ct);

    public async Task<int> UnreadCountAsync(string userId, CancellationToken ct) =>
        await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAtUtc == null, ct);

    public async Task MarkAllReadAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var n in await db.Notifications.Where(n => n.UserId == userId && n.ReadAtUtc == null).ToListAsync(ct))
        {
            n.MarkRead(now);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Runs a synchronous piece of text rendering in a culture, then restores the request's.</summary>
    public static T InCulture<T>(CultureInfo culture, Func<T> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        var (saved, savedUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return render();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = savedUi;
        }
    }

    private string Absolute(string link) =>
        string.IsNullOrWhiteSpace(security.PublicBaseUrl) ? link : security.PublicBaseUrl.TrimEnd('/') + link;

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reserve notification e-mail could not be sent ({Error}); the in-app notification is kept.")]
    private static partial void LogMailFailed(ILogger logger, string error);
}
