using Microsoft.Extensions.DependencyInjection;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.Outreach.Callers;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.Outreach;

/// <summary>The "My calls" navigation entry is offered to enrolled callers only, once per database.</summary>
public abstract class CallerNavigationTests(AppFixture fixture)
{
    private const string MyCallsLink = "href=\"/outreach/calls\"";

    [SkippableFact]
    public async Task My_calls_shows_to_enrolled_callers_and_not_to_other_residents_or_staff_until_they_are_enrolled()
    {
        var app = await fixture.AppAsync();

        // The demo agent (staff) and the demo resident from the civic reserve are enrolled callers: the
        // link is in the calls area's row for the agent, and the area itself for the resident.
        foreach (var (role, page) in new[] { (Roles.Agent, "/outreach/registry"), (Roles.Resident, "/") })
        {
            var caller = app.CreateBrowserLikeClient();
            await caller.SignInAsync(Demo.Email(role), Demo.Password);
            (await caller.GetStringAsync(new Uri(page, UriKind.Relative))).ShouldContain(MyCallsLink);
        }

        var visitor = app.CreateBrowserLikeClient();
        (await visitor.GetStringAsync(new Uri("/heatwave-register", UriKind.Relative))).ShouldNotContain(MyCallsLink);

        var partner = app.CreateBrowserLikeClient();
        await partner.SignInAsync(Demo.Email(Roles.Partner), Demo.Password);
        const string PartnersCallsArea = "/outreach/referrals/inbox";
        (await partner.GetStringAsync(new Uri(PartnersCallsArea, UriKind.Relative))).ShouldNotContain(MyCallsLink);

        using (var scope = app.Services.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<CallerDesk>().EnrolAsync(Demo.Email(Roles.Partner), CallerLevel.Beginner, CallerKind.Staff, "lead-1", default))
                .ShouldBe(CallerDesk.EnrolResult.Enrolled);
        }

        (await partner.GetStringAsync(new Uri(PartnersCallsArea, UriKind.Relative))).ShouldContain(MyCallsLink);
    }
}

public sealed class CallerNavigationTests_OnSqlite(SqliteApp fixture) : CallerNavigationTests(fixture), IClassFixture<SqliteApp>;

public sealed class CallerNavigationTests_OnPostgreSql(PostgreSqlApp fixture) : CallerNavigationTests(fixture), IClassFixture<PostgreSqlApp>;
