using System.Net;
using Microsoft.EntityFrameworkCore;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.Reserve;

/// <summary>A member of the host organisation names the mentor of an agent reassigned to it (docs/adr/0325); once per database.</summary>
public abstract class HostedMentorTests(AppFixture fixture)
{
    [SkippableFact]
    public async Task A_member_of_the_host_organisation_names_the_mentor_and_nobody_outside_it_can()
    {
        var app = await fixture.AppAsync();
        var (elders, foodBank) = await fixture.WithDbAsync(async db => (
            await db.Reassignments.Where(r => db.Organisations.Any(o => o.Id == r.HostOrganisationId && o.Name == "Épicerie solidaire des Tanneurs")).Select(r => r.Id).SingleAsync(),
            await db.Reassignments.Where(r => db.Organisations.Any(o => o.Id == r.HostOrganisationId && o.Name == "Banque alimentaire du Valbrunois")).Select(r => r.Id).SingleAsync()));
        var partner = app.CreateBrowserLikeClient();
        await partner.SignInAsync(Demo.Email(Roles.Partner), Demo.Password);

        // The partner account belongs to the solidarity grocery: it sees the agent the grocery will host, not the food bank's.
        var page = await partner.GetStringAsync(new Uri("/reserve/agents/hosted", UriKind.Relative));
        page.ShouldContain("mentor-" + elders);
        page.ShouldNotContain("mentor-" + foodBank);

        (await partner.PostFormAsync("/reserve/agents/hosted", [new("mentor", "Odile Perret, responsable de l’accueil, 04 00 00 00 31")], "/reserve/agents/hosted?handler=Mentor&id=" + elders))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await MentorAsync(elders)).ShouldBe("Odile Perret, responsable de l’accueil, 04 00 00 00 31");

        // The food bank's agent is hosted by an organisation the partner does not belong to: refused, nothing changes.
        var before = await MentorAsync(foodBank);
        var refused = await partner.PostFormAsync("/reserve/agents/hosted", [new("mentor", "Quelqu’un d’autre")], "/reserve/agents/hosted?handler=Mentor&id=" + foodBank);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("seule l’organisation d’accueil peut le nommer");
        (await MentorAsync(foodBank)).ShouldBe(before);

        // An agent, who may open the page but belongs to no host organisation, cannot name the grocery's mentor either.
        var agent = app.CreateBrowserLikeClient();
        await agent.SignInAsync(Demo.Email(Roles.Agent), Demo.Password);
        (await agent.GetStringAsync(new Uri("/reserve/agents/hosted", UriKind.Relative))).ShouldNotContain("mentor-" + elders);
        (await agent.PostFormAsync("/reserve/agents/hosted", [new("mentor", "Quelqu’un d’autre")], "/reserve/agents/hosted?handler=Mentor&id=" + elders))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await MentorAsync(elders)).ShouldBe("Odile Perret, responsable de l’accueil, 04 00 00 00 31");

        // A blank name is refused too.
        (await partner.PostFormAsync("/reserve/agents/hosted", [new("mentor", " ")], "/reserve/agents/hosted?handler=Mentor&id=" + elders)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await MentorAsync(elders)).ShouldBe("Odile Perret, responsable de l’accueil, 04 00 00 00 31");
    }

    private Task<string?> MentorAsync(Guid id) => fixture.WithDbAsync(db => db.Reassignments.Where(r => r.Id == id).Select(r => r.Mentor).SingleAsync());
}

public sealed class HostedMentorTests_OnSqlite(SqliteApp fixture) : HostedMentorTests(fixture), IClassFixture<SqliteApp>;

public sealed class HostedMentorTests_OnPostgreSql(PostgreSqlApp fixture) : HostedMentorTests(fixture), IClassFixture<PostgreSqlApp>;
