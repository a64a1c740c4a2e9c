namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>A message to one account, shown in its notification list (and usually also e-mailed).</summary>
public sealed class Notification
{
    public const int TextMaxLength = 1000;

    private Notification()
    {
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; } = "";

    public string Text { get; private set; } = "";

    /// <summary>A local path to what the message is about.</summary>
    public string? Link { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? ReadAtUtc { get; private set; }

    public static Notification To(string userId, string text, string? link, DateTime nowUtc) => new()
    {
        Id = Guid.NewGuid(),
        UserId = userId,
        Text = text.Length > TextMaxLength ? text[..TextMaxLength] : text,
        Link = link,
        CreatedAtUtc = nowUtc,
    };

    public void MarkRead(DateTime nowUtc) => ReadAtUtc ??= nowUtc;
}
