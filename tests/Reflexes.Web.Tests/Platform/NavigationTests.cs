using System.Net;
using System.Text.RegularExpressions;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.Platform;

/// <summary>
/// The two-level navigation: a short row of areas, the pages of the current area under it, and no link
/// a person cannot follow.
/// </summary>
public sealed partial class NavigationTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    public static TheoryData<string> AllRoles() => [.. Roles.All];

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Every_navigation_link_a_role_is_shown_opens_for_that_role(string role)
    {
        var app = await fixture.AppAsync();
        var client = app.CreateBrowserLikeClient();
        (await client.SignInAsync(Demo.Email(role), Demo.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var links = await CollectAsync(client);

        links.Count.ShouldBeGreaterThan(2);
        var broken = new List<string>();
        foreach (var link in links)
        {
            var response = await client.GetAsync(new Uri(link, UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                broken.Add($"{link}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        broken.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_coordinator_sees_a_short_row_of_areas_and_the_pages_of_the_current_one()
    {
        var app = await fixture.AppAsync();
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);

        var home = await client.GetStringAsync(new Uri("/?culture=en-GB", UriKind.Relative));
        var areas = Links(Block(home, "Main navigation"));
        areas.Count.ShouldBeLessThanOrEqualTo(6);
        Block(home, "Civic reserve").ShouldBeEmpty("the home page belongs to no area");

        var planning = await client.GetStringAsync(new Uri("/reserve/planning?culture=en-GB", UriKind.Relative));
        var reserve = Block(planning, "Civic reserve");
        Links(reserve).ShouldContain("/reserve/moderation");
        Links(reserve).ShouldContain("/reserve/volunteers");
        Links(reserve).ShouldNotContain("/outreach/campaigns");
        reserve.ShouldContain("href=\"/reserve/planning\" aria-current=\"page\"");
        Block(planning, "Main navigation").ShouldContain("aria-current=\"true\">Civic reserve");
    }

    [Fact]
    public async Task A_visitor_sees_the_public_pages_only()
    {
        var app = await fixture.AppAsync();
        var client = app.CreateBrowserLikeClient();

        var links = await CollectAsync(client);

        links.ShouldBe(["/", "/data-trust/purposes", "/heatwave-register", "/reserve/catalogue"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_pages_of_my_space_stay_in_my_space_even_under_a_coordinator_prefix()
    {
        var app = await fixture.AppAsync();
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);

        var mine = await client.GetStringAsync(new Uri("/reserve/offers/mine?culture=en-GB", UriKind.Relative));

        Block(mine, "My space").ShouldContain("href=\"/reserve/offers/mine\" aria-current=\"page\"");
        Block(mine, "Civic reserve").ShouldBeEmpty();
    }

    /// <summary>The area links from the home page, then the page links shown on each area's first page.</summary>
    private static async Task<List<string>> CollectAsync(HttpClient client)
    {
        var home = await client.GetStringAsync(new Uri("/?culture=en-GB", UriKind.Relative));
        var links = new SortedSet<string>(Links(Block(home, "Main navigation")), StringComparer.Ordinal);
        foreach (var area in links.ToList())
        {
            var page = await client.GetStringAsync(new Uri(area, UriKind.Relative));
            foreach (Match nav in SubNavigation().Matches(page))
            {
                links.UnionWith(Links(nav.Value));
            }
        }

        return [.. links];
    }

    private static string Block(string html, string label)
    {
        var match = Regex.Match(html, $"<nav aria-label=\"{Regex.Escape(label)}\"[^>]*>.*?</nav>", RegexOptions.Singleline);
        return match.Success ? match.Value : "";
    }

    private static List<string> Links(string html) =>
        [.. Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    [GeneratedRegex("<nav aria-label=\"[^\"]*\" class=\"area-pages\">.*?</nav>", RegexOptions.Singleline)]
    private static partial Regex SubNavigation();

    [GeneratedRegex("<a href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
