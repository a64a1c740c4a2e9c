using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.Territory.DemoSeed;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.Security;

public sealed class SecurityTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Every_endpoint_declares_a_policy_or_an_explicit_anonymous_allowance()
    {
        var app = await fixture.AppAsync();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints;

        endpoints.Count.ShouldBeGreaterThan(20);
        EndpointAuthorization.Undeclared(endpoints).ShouldBeEmpty();
    }

    [Fact]
    public void The_endpoint_rule_flags_an_endpoint_that_declares_nothing()
    {
        RequestDelegate nothing = _ => Task.CompletedTask;
        var undeclared = new RouteEndpoint(nothing, RoutePatternFactory.Parse("/forgotten"), 0, EndpointMetadataCollection.Empty, "forgotten");
        var declared = new RouteEndpoint(nothing, RoutePatternFactory.Parse("/fine"), 0, new EndpointMetadataCollection(new AuthorizeAttribute("staff")), "fine");
        var open = new RouteEndpoint(nothing, RoutePatternFactory.Parse("/open"), 0, new EndpointMetadataCollection(new AllowAnonymousAttribute()), "open");

        EndpointAuthorization.Undeclared([undeclared, declared, open]).ShouldBe(["/forgotten"]);
    }

    [Fact]
    public async Task Responses_carry_the_security_headers()
    {
        var app = await fixture.AppAsync();
        var response = await app.CreateBrowserLikeClient().GetAsync(new Uri("/", UriKind.Relative));

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("script-src 'self'");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldNotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
    }

    [Fact]
    public async Task Pages_contain_no_inline_script_or_style()
    {
        var app = await fixture.AppAsync();
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync(Demo.Admin, Demo.Password);
        foreach (var path in new[] { "/", "/account/sign-in", "/territory", "/territory/import", "/admin/invitations", "/account/two-factor" })
        {
            var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
            html.ShouldNotContain("<script", Case.Insensitive, path);
            html.ShouldNotContain(" style=", Case.Insensitive, path);
            html.ShouldNotContain(" onclick", Case.Insensitive, path);
        }
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_rejected()
    {
        var app = await fixture.AppAsync();
        using var content = new FormUrlEncodedContent([new("Email", Demo.Admin), new("Password", Demo.Password)]);

        var response = await app.CreateBrowserLikeClient().PostAsync(new Uri("/account/sign-in", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_page_gets_a_friendly_not_found_page()
    {
        var app = await fixture.AppAsync();
        var response = await app.CreateBrowserLikeClient().GetAsync(new Uri("/no/such/page", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Page introuvable");
    }
}
