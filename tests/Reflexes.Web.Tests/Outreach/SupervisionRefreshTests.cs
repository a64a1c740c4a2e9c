using System.Net;
using Microsoft.EntityFrameworkCore;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.Outreach.Campaigns;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.Outreach;

/// <summary>The supervision page refreshes by hand without JavaScript and carries the hook of its automatic refresh, once per database.</summary>
public abstract class SupervisionRefreshTests(AppFixture fixture)
{
    [SkippableFact]
    public async Task The_refresh_link_shows_a_call_taken_since_and_the_page_marks_its_region_and_script_for_automatic_refresh()
    {
        var app = await fixture.AppAsync();
        var lead = app.CreateBrowserLikeClient();
        await lead.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);
        var before = WebUtility.HtmlDecode(await lead.GetStringAsync(new Uri("/outreach/callers/live", UriKind.Relative)));
        before.ShouldContain("href=\"/outreach/callers/live\">Actualiser</a>");
        before.ShouldContain("data-live-refresh=\"10\"");
        before.ShouldContain("data-live-label=\"Actualiser automatiquement toutes les 10 secondes\"");
        before.ShouldContain("Mis à jour à ");
        var script = System.Text.RegularExpressions.Regex.Match(before, "<script src=\"(/js/live-refresh\\.js[^\"]*)\"").Groups[1].Value;
        script.ShouldNotBeEmpty();
        var served = await lead.GetAsync(new Uri(script, UriKind.Relative));
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await served.Content.ReadAsStringAsync()).ShouldContain("[data-live-refresh]");
        before.ShouldNotContain("Antoine Agent <span class=\"badge\">"); // no call in progress yet

        var campaign = await fixture.WithDbAsync(db => db.Campaigns.Where(c => c.Name == CampaignDemo.CampaignName).Select(c => c.Id).SingleAsync());
        var agent = app.CreateBrowserLikeClient();
        await agent.SignInAsync(Demo.Email(Roles.Agent), Demo.Password);
        (await agent.PostFormAsync("/outreach/calls", [], $"/outreach/calls?handler=Next&campaignId={campaign}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var after = WebUtility.HtmlDecode(await lead.GetStringAsync(new Uri("/outreach/callers/live", UriKind.Relative)));
        after.ShouldContain("Antoine Agent <span class=\"badge\">");
        after.ShouldContain(CampaignDemo.CampaignName + "</td>");
    }
}

public sealed class SupervisionRefreshTests_OnSqlite(SqliteApp fixture) : SupervisionRefreshTests(fixture), IClassFixture<SqliteApp>;

public sealed class SupervisionRefreshTests_OnPostgreSql(PostgreSqlApp fixture) : SupervisionRefreshTests(fixture), IClassFixture<PostgreSqlApp>;
