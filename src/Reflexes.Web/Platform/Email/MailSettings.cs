namespace Reflexes.Web.Platform.Email;

public sealed class MailSettings
{
    public const string SectionName = "Mail";

    /// <summary>SMTP host; when empty, messages are written as .eml files to the pickup folder.</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public bool SmtpUseTls { get; set; } = true;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    public string From { get; set; } = "Reflexes <no-reply@reflexes.invalid>";

    public string PickupFolder { get; set; } = "data/mail";
}
