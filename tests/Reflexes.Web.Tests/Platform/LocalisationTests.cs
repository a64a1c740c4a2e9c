using System.Net;
using System.Text.RegularExpressions;
using Reflexes.Testing;
using Reflexes.Web.Platform.Localization;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.Platform;

public sealed partial class LocalisationTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    [Fact]
    public void French_and_English_texts_have_exactly_the_same_keys()
    {
        var texts = new JsonStringLocalizer();
        var french = texts.TextsFor("fr").Keys.ToHashSet();
        var english = texts.TextsFor("en").Keys.ToHashSet();

        french.Except(english).ShouldBeEmpty("missing in en.json");
        english.Except(french).ShouldBeEmpty("missing in fr.json");
    }

    [Fact]
    public void Every_text_key_written_in_the_pages_and_code_exists()
    {
        var texts = new JsonStringLocalizer().TextsFor("fr");
        var source = Path.Combine(RepositoryRoot(), "src", "Reflexes.Web");
        var used = Directory.EnumerateFiles(source, "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyPattern().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .Where(k => k.Key.Contains('.', StringComparison.Ordinal) && !k.Key.EndsWith('.'))
            .ToList();

        used.Count.ShouldBeGreaterThan(100);
        used.Where(k => !texts.ContainsKey(k.Key)).Select(k => $"{k.File}: {k.Key}").Distinct().ShouldBeEmpty();
    }

    [Fact]
    public async Task Pages_are_french_by_default_and_english_after_the_switch_with_numbers_formatted_per_culture()
    {
        var app = await fixture.AppAsync();
        var client = app.CreateBrowserLikeClient();

        var french = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/", UriKind.Relative)));
        french.ShouldContain("<html lang=\"fr\">");
        french.ShouldContain("Se connecter");
        french.ShouldContain("101\u202f350");

        var switched = await client.PostFormAsync("/", [new("culture", "en"), new("returnUrl", "/")], "/culture");
        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var english = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/", UriKind.Relative)));
        english.ShouldContain("<html lang=\"en\">");
        english.ShouldContain("Sign in");
        english.ShouldContain("101,350");
    }

    [Fact]
    public async Task The_culture_switch_refuses_an_unknown_language_and_an_outside_return_address()
    {
        var app = await fixture.AppAsync();
        var client = app.CreateBrowserLikeClient();

        (await client.PostFormAsync("/", [new("culture", "xx"), new("returnUrl", "/")], "/culture")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var outside = await client.PostFormAsync("/", [new("culture", "en"), new("returnUrl", "//evil.example/")], "/culture");
        outside.Headers.Location!.OriginalString.ShouldBe("/");
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Reflexes.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    // L["key"], L["key", ...], text["key"], ErrorKey = "key", Errors.Add("Field", "key"), TempData["Flash"] = "key", new ImportError(.., "key")
    [GeneratedRegex("(?:L\\[|text\\[|ErrorKey = |Flash\"\\] = |Errors\\.Add\\(\"[A-Za-z]+\", |ImportError\\([^,]+, [^,]+, |\\(\"[^\"]+\", )\"([a-z0-9]+(?:[.-][a-zA-Z0-9]+)+)\"")]
    private static partial Regex KeyPattern();
}
