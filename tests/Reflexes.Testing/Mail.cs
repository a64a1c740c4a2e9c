using System.Text;
using System.Text.RegularExpressions;

namespace Reflexes.Testing;

/// <summary>Reads the messages the app dropped in its pickup folder.</summary>
public static partial class Mail
{
    public static async Task<string> LastMessageToAsync(string folder, string recipient)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            foreach (var file in Directory.GetFiles(folder, "*.eml").OrderByDescending(File.GetCreationTimeUtc))
            {
                var text = Decode(await File.ReadAllTextAsync(file));
                if (text.Contains("To: " + recipient, StringComparison.OrdinalIgnoreCase))
                {
                    return text;
                }
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"No message to {recipient} in {folder}.");
    }

    public static string InvitationPath(string message) =>
        new Uri(LinkPattern().Match(message).Value).PathAndQuery;

    /// <summary>Undoes quoted-printable or base64 body encoding so the link can be read.</summary>
    private static string Decode(string raw)
    {
        var separator = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = raw[..separator];
        var body = raw[(separator + 4)..];
        if (headers.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase))
        {
            body = Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", "", StringComparison.Ordinal)));
        }
        else if (headers.Contains("quoted-printable", StringComparison.OrdinalIgnoreCase))
        {
            body = body.Replace("=\r\n", "", StringComparison.Ordinal);
            body = QuotedByte().Replace(body, m => ((char)Convert.ToByte(m.Groups[1].Value, 16)).ToString());
        }

        return headers + "\r\n\r\n" + body;
    }

    [GeneratedRegex("http://[^\\s]+/account/invitation/[A-Za-z0-9_\\-]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("=([0-9A-F]{2})")]
    private static partial Regex QuotedByte();
}
