using System.Net;
using System.Text.RegularExpressions;

namespace Reflexes.Testing;

/// <summary>Reads pages and posts forms the way a browser without JavaScript does.</summary>
public static partial class HtmlForms
{
    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token in the page.");
    }

    /// <summary>GETs <paramref name="pagePath"/>, then POSTs the given fields to <paramref name="action"/> with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string pagePath, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var page = await client.GetStringAsync(new Uri(pagePath, UriKind.Relative));
        var all = fields.ToList();
        all.Add(new("__af", AntiforgeryToken(page)));
        using var content = new FormUrlEncodedContent(all);
        return await client.PostAsync(new Uri(action ?? pagePath, UriKind.Relative), content);
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        await client.PostFormAsync("/account/sign-in", [new("Email", email), new("Password", password)]);

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
