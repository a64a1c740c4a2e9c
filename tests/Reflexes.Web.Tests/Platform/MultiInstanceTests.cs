using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.Platform;

/// <summary>Two app instances behind a load balancer share one PostgreSQL database and nothing else.</summary>
public sealed class MultiInstanceTests
{
    [SkippableFact]
    public async Task A_session_cookie_and_a_form_token_issued_by_one_instance_are_honoured_by_the_other_on_PostgreSql()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.PostgreSql);
        await using var first = new ReflexesAppFactory(database);
        await using var second = new ReflexesAppFactory(database);
        // Both instances start together: each migrates and seeds, neither must trip over the other.
        await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));

        // One browser, whose cookies travel to whichever instance the load balancer picks.
        var cookies = new CookieContainer();
        var baseAddress = new Uri("http://localhost");
        var onFirst = first.CreateDefaultClient(baseAddress, new CookieContainerHandler(cookies));
        var onSecond = second.CreateDefaultClient(baseAddress, new CookieContainerHandler(cookies));

        (await onFirst.SignInAsync(Demo.Admin, Demo.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var users = await onSecond.GetAsync(new Uri("/admin/users", UriKind.Relative));
        users.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await users.Content.ReadAsStringAsync()).ShouldContain(Demo.Email(Roles.Coordinator));

        // A form rendered by the first instance is accepted when posted to the second.
        var form = await onFirst.GetStringAsync(new Uri("/territory/neighbourhoods/edit", UriKind.Relative));
        using var content = new FormUrlEncodedContent([new("__af", HtmlForms.AntiforgeryToken(form)), new("Code", "GARE"), new("Name", "Quartier de la gare")]);
        var saved = await onSecond.PostAsync(new Uri("/territory/neighbourhoods/edit", UriKind.Relative), content);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await onFirst.GetStringAsync(new Uri("/territory/neighbourhoods", UriKind.Relative))).ShouldContain("Quartier de la gare");

        // Signing out on one instance ends the session on both.
        var home = await onSecond.GetStringAsync(new Uri("/", UriKind.Relative));
        using var signOut = new FormUrlEncodedContent([new("__af", HtmlForms.AntiforgeryToken(home))]);
        (await onSecond.PostAsync(new Uri("/account/sign-out", UriKind.Relative), signOut)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await onFirst.GetAsync(new Uri("/admin/users", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
