using System.Net.Mail;

namespace Reflexes.Web.Platform.Email;

internal static class MailAddressParser
{
    /// <summary>Reads "Name &lt;address&gt;" or a bare address.</summary>
    public static MailAddress Parse(string value)
    {
        var open = value.IndexOf('<', StringComparison.Ordinal);
        var close = value.IndexOf('>', StringComparison.Ordinal);
        return open >= 0 && close > open
            ? new MailAddress(value[(open + 1)..close].Trim(), value[..open].Trim())
            : new MailAddress(value.Trim());
    }
}
