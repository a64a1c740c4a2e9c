using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.Territory.DemoSeed;
using Reflexes.Web.Tests.Fixtures;

using static Reflexes.Web.Tests.Reserve.ReserveDates;

namespace Reflexes.Web.Tests.Reserve;

/// <summary>The coordinators' volunteers list: filters, pages, CSV export journaled (docs/adr/0326); once per database.</summary>
public abstract class VolunteerListTests(AppFixture fixture)
{
    private const string List = "/reserve/volunteers";

    [SkippableFact]
    public async Task Each_filter_narrows_the_list_and_bad_filters_are_reported_on_their_field()
    {
        var app = await fixture.AppAsync();
        var coordinator = app.CreateBrowserLikeClient();
        await coordinator.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);

        var agents = await coordinator.GetStringAsync(new Uri(List + "?Kind=Agent", UriKind.Relative));
        agents.ShouldContain("Agent Antoine");
        agents.ShouldNotContain("Résidente Rose");
        agents.ShouldContain("3 volontaire(s)");

        // Name search ignores case and accents.
        var byName = await coordinator.GetStringAsync(new Uri(List + "?Q=residente", UriKind.Relative));
        byName.ShouldContain("Résidente Rose");
        byName.ShouldContain("1 volontaire(s)");

        var visiting = DemoTerritory.IdFor("skill", "Visite aux personnes isolées");
        var bySkill = await coordinator.GetStringAsync(new Uri(List + "?Skill=" + visiting + "&Language=it&NeighbourhoodId=" + DemoTerritory.IdFor("neighbourhood", "BELLEVUE"), UriKind.Relative));
        bySkill.ShouldContain("Résidente Rose");
        bySkill.ShouldNotContain("Agent Antoine");

        // Rose is free on Wednesday afternoons, not on Wednesday mornings.
        var wednesday = Next(DayOfWeek.Wednesday);
        (await coordinator.GetStringAsync(new Uri(List + "?Q=rose&Day=" + Iso(wednesday) + "&Period=Afternoon", UriKind.Relative))).ShouldContain("Résidente Rose");
        (await coordinator.GetStringAsync(new Uri(List + "?Q=rose&Day=" + Iso(wednesday) + "&Period=Morning", UriKind.Relative))).ShouldNotContain("Résidente Rose");

        var bad = await coordinator.GetStringAsync(new Uri(List + "?Day=2026-02-30&Period=Evening&Kind=Robot", UriKind.Relative));
        bad.ShouldContain("href=\"#Day\"");
        bad.ShouldContain("href=\"#Period\"");
        bad.ShouldContain("href=\"#Kind\"");
        bad.ShouldNotContain("Résidente Rose");
    }

    [SkippableFact]
    public async Task The_list_pages_keep_the_filters()
    {
        var app = await fixture.AppAsync();
        var coordinator = app.CreateBrowserLikeClient();
        await coordinator.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);
        var total = await fixture.WithDbAsync(db => db.Volunteers.CountAsync(v => v.LeftAtUtc == null));
        total.ShouldBeGreaterThan(20);

        var first = await coordinator.GetStringAsync(new Uri(List + "?Kind=Resident&n=10", UriKind.Relative));
        first.ShouldContain("page 1 sur");
        first.ShouldContain("href=\"/reserve/volunteers?Kind=Resident&amp;n=10&amp;p=2\"");
        var second = await coordinator.GetStringAsync(new Uri(List + "?Kind=Resident&n=10&p=2", UriKind.Relative));
        second.ShouldContain("page 2 sur");
        second.ShouldContain("href=\"/reserve/volunteers?Kind=Resident&amp;n=10&amp;p=1\"");
        Rows(first).Intersect(Rows(second)).ShouldBeEmpty();
        Rows(first).Count.ShouldBe(10);
        second.ShouldNotContain("Agent Antoine");
    }

    [SkippableFact]
    public async Task The_export_gives_the_filtered_list_journals_each_person_and_is_refused_outside_the_coordination_unit()
    {
        var app = await fixture.AppAsync();
        var coordinator = app.CreateBrowserLikeClient();
        await coordinator.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);

        var response = await coordinator.GetAsync(new Uri(List + "?Kind=Agent&handler=Export", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(4);
        lines[0].ShouldStartWith("Nom de famille,Prénom,");
        lines.ShouldContain(l => l.StartsWith("Agent,Antoine,Agent,", StringComparison.Ordinal));
        lines.ShouldNotContain(l => l.StartsWith("Résidente,", StringComparison.Ordinal));
        var journaled = await fixture.WithDbAsync(async db => await (await db.IntegratedAuditAsync()).CountAsync(e => e.Action == "reserve.volunteer-export"));
        journaled.ShouldBeGreaterThanOrEqualTo(3);

        var partner = app.CreateBrowserLikeClient();
        await partner.SignInAsync(Demo.Email(Roles.Partner), Demo.Password);
        MissionsTests.Refused(await partner.GetAsync(new Uri(List + "?handler=Export", UriKind.Relative))).ShouldBeTrue();
    }

    private static List<string> Rows(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "href=\"/reserve/volunteers/([0-9a-f-]{36})\"").Select(m => m.Groups[1].Value)];
}

public sealed class VolunteerListTests_OnSqlite(SqliteApp fixture) : VolunteerListTests(fixture), IClassFixture<SqliteApp>;

public sealed class VolunteerListTests_OnPostgreSql(PostgreSqlApp fixture) : VolunteerListTests(fixture), IClassFixture<PostgreSqlApp>;
