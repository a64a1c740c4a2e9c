using System.Net;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.Security;

/// <summary>Each role reaches the pages it should and is refused everywhere else.</summary>
public sealed class RoleMatrixTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private const string Everyone = "*";
    private const string Staff = "staff";
    private const string Outreach = "outreach";
    private const string Orientation = "orientation";
    private const string Inbox = "inbox";
    private const string ReservePosting = "reserve-posting";
    private const string ReserveCoordination = "reserve-coordination";
    private const string Callers = "callers"; // the demo's enrolled callers: the agent and the resident
    private const string RegistryImport = "registry-import";

    // page → who may open it ("*" = any signed-in person, "staff" = public staff roles, else a role).
    private static readonly (string Path, string Allowed)[] Pages =
    [
        ("/account", Everyone),
        ("/account/password", Everyone),
        ("/account/two-factor", Everyone),
        ("/territory", Staff),
        ("/territory/neighbourhoods", Staff),
        ("/territory/organisations", Staff),
        ("/territory/agents", Staff),
        ("/territory/neighbourhoods?handler=Export", Staff),
        ("/territory/edit", Roles.Administrator),
        ("/territory/neighbourhoods/edit", Roles.Administrator),
        ("/territory/organisations/edit", Roles.Administrator),
        ("/territory/agents/edit", Roles.Administrator),
        ("/territory/import", Roles.Administrator),
        ("/admin/users", Roles.Administrator),
        ("/admin/invitations", Roles.Administrator),
        ("/admin/roles", Roles.Administrator),
        ("/my-data", Everyone),
        ("/data-trust/purposes/edit", Roles.DataProtectionOfficer),
        ("/data-trust/purposes/edit/heatwave-register", Roles.DataProtectionOfficer),
        ("/data-trust/exceptional-uses", Staff),
        ("/data-trust/exceptional-uses/request", Staff),
        ("/data-trust/board", Roles.DataProtectionOfficer),
        ("/my-data/portfolio", Everyone),
        ("/my-data/portfolio/json", Everyone),
        ("/my-data/requests", Everyone),
        ("/data-trust/rights", Roles.DataProtectionOfficer),
        ("/outreach/registry", Outreach),
        ("/outreach/registry/register", Outreach),
        ("/outreach/orientation", Roles.Orientator),
        ("/outreach/orientation/rules", Orientation),
        ("/outreach/orientation/dashboard", Orientation),
        ("/outreach/orientation/dashboard?handler=Export", Orientation),
        ("/outreach/referrals/inbox", Inbox),
        ("/reserve/missions", ReservePosting),
        ("/reserve/missions/edit", ReservePosting),
        ("/reserve/moderation", ReserveCoordination),
        ("/reserve/posters", ReserveCoordination),
        ("/reserve/offers", ReserveCoordination),
        ("/reserve/planning", ReserveCoordination),
        ("/reserve/planning/calls", ReserveCoordination),
        ("/reserve/recognition", ReserveCoordination),
        ("/reserve/offers/new", Everyone),
        ("/reserve/offers/mine", Everyone),
        ("/reserve/my-missions", Everyone),
        ("/reserve/my-missions/certificate", Everyone),
        ("/notifications", Everyone),
        ("/reserve/me", Everyone),
        ("/reserve/volunteers", ReserveCoordination),
        ("/reserve/volunteers?handler=Export", ReserveCoordination),
        ("/reserve/volunteers/register", ReserveCoordination),
        ("/reserve/skills", ReserveCoordination),
        ("/reserve/agents/reassignments", ReserveCoordination),
        ("/reserve/agents/hosted", ReservePosting),
        ("/reserve/agents/plan", Staff),
        ("/reserve/agents/approvals", Staff),
        ("/outreach/campaigns", Roles.Coordinator),
        ("/outreach/campaigns/edit", Roles.Coordinator),
        ("/outreach/callers", Roles.Coordinator),
        ("/outreach/callers/live", Roles.Coordinator),
        ("/outreach/calls", Callers),
        ("/outreach/registry/to-confirm", Outreach),
        ("/outreach/registry/import", RegistryImport),
        ("/outreach/registry/import?handler=Template", RegistryImport),
        ("/my-registration", Everyone),
    ];

    public static TheoryData<string> AllRoles() => [.. Roles.All];

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Each_role_reaches_its_pages_and_is_refused_elsewhere(string role)
    {
        var app = await fixture.AppAsync();
        var client = app.CreateBrowserLikeClient();
        (await client.SignInAsync(Demo.Email(role), Demo.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var wrong = new List<string>();
        foreach (var (path, allowed) in Pages)
        {
            var expected = allowed == Everyone || allowed == role || (allowed == Staff && Roles.Staff.Contains(role))
                || (allowed == Outreach && role is Roles.Coordinator or Roles.Orientator or Roles.Agent)
                || (allowed == Orientation && role is Roles.Coordinator or Roles.Orientator)
                || (allowed == Inbox && role is Roles.Partner or Roles.Agent)
                || (allowed == ReserveCoordination && role is Roles.Coordinator or Roles.Administrator)
                || (allowed == Callers && role is Roles.Agent or Roles.Resident)
                || (allowed == RegistryImport && role is Roles.Coordinator or Roles.Administrator)
                || (allowed == ReservePosting && role is Roles.Partner or Roles.Coordinator or Roles.Agent or Roles.Administrator);
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var reached = response.StatusCode == HttpStatusCode.OK;
            var refused = response.StatusCode == HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal));
            if (expected ? !reached : !refused)
            {
                wrong.Add($"{path}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        wrong.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task The_page_merging_two_registrations_opens_for_coordinators_and_agents_only(string role)
    {
        var app = await fixture.AppAsync();
        var id = await fixture.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Registrants.Where(r => r.Status == Modules.Outreach.Domain.RegistrantStatus.Active && r.WithdrawnAtUtc == null).Select(r => r.Id)));
        var client = app.CreateBrowserLikeClient();
        (await client.SignInAsync(Demo.Email(role), Demo.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var response = await client.GetAsync(new Uri($"/outreach/registry/{id}/merge", UriKind.Relative));
        var refused = response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal));
        (role is Roles.Coordinator or Roles.Agent ? response.StatusCode == HttpStatusCode.OK : refused).ShouldBeTrue($"{(int)response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_for_every_protected_page()
    {
        var app = await fixture.AppAsync();
        var client = app.CreateBrowserLikeClient();
        foreach (var (path, _) in Pages)
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            response.Headers.Location!.OriginalString.ShouldContain("/account/sign-in", Case.Sensitive, path);
        }

        (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync(new Uri("/heatwave-register", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
