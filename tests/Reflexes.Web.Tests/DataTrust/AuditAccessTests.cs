using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.DataTrust;

/// <summary>Who reaches the audit log's pages and endpoints: the public page is for everyone, the rest for the DPO and administrators.</summary>
public sealed class AuditAccessTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private static string[] Restricted => ["/audit/sign", "/audit/entries", "/api/audit/inclusion?sequence=0"];

    private static string[] Public => ["/audit", "/api/audit/tree-heads"];

    public static TheoryData<string> AllRoles() => [.. Roles.All];

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Only_the_data_protection_officer_and_administrators_reach_the_restricted_audit_pages(string role)
    {
        var app = await fixture.AppAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IAuditLog>()
                .AppendAsync(new AuditEvent("user:test", "resident.read", "heat-wave-plan", "resident:1", AuditResult.Allowed), CancellationToken.None);
        }

        var client = app.CreateBrowserLikeClient();
        (await client.SignInAsync(Demo.Email(role), Demo.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var allowed = role is Roles.DataProtectionOfficer or Roles.Administrator;

        var wrong = new List<string>();
        foreach (var path in Restricted.Concat(Public))
        {
            var expected = allowed || Public.Contains(path);
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

    [Fact]
    public async Task Anonymous_visitors_reach_the_public_page_and_heads_and_are_sent_to_sign_in_elsewhere()
    {
        var app = await fixture.AppAsync();
        var client = app.CreateBrowserLikeClient();

        foreach (var path in Public)
        {
            (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK, path);
        }

        foreach (var path in Restricted)
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            response.Headers.Location!.OriginalString.ShouldContain("/account/sign-in", Case.Sensitive, path);
        }
    }
}
