using System.Net;
using System.Net.Mail;

namespace Reflexes.Web.Platform.Email;

/// <summary>
/// Sends e-mail through SMTP, or writes it to a pickup folder when no SMTP server is configured
/// (development, demo, tests). Never logs recipients or content.
/// </summary>
public sealed class Mailer(MailSettings settings, IHostEnvironment environment, ILogger<Mailer> logger)
{
    public async Task SendAsync(string to, string subject, string textBody, CancellationToken cancellationToken)
    {
        using var message = new MailMessage(MailAddressParser.Parse(settings.From), new MailAddress(to))
        {
            Subject = subject,
            Body = textBody,
            BodyEncoding = System.Text.Encoding.UTF8,
            SubjectEncoding = System.Text.Encoding.UTF8,
        };
        using var client = new SmtpClient();
        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            var folder = PickupFolder();
            Directory.CreateDirectory(folder);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = folder;
        }
        else
        {
            client.Host = settings.SmtpHost;
            client.Port = settings.SmtpPort;
            client.EnableSsl = settings.SmtpUseTls;
            if (!string.IsNullOrEmpty(settings.SmtpUser))
            {
                client.Credentials = new NetworkCredential(settings.SmtpUser, settings.SmtpPassword);
            }
        }

        await client.SendMailAsync(message, cancellationToken);
        logger.LogInformation("E-mail sent ({Subject}).", subject);
    }

    public string PickupFolder() => Path.IsPathRooted(settings.PickupFolder)
        ? settings.PickupFolder
        : Path.Combine(environment.ContentRootPath, settings.PickupFolder);
}
