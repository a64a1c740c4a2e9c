using System.Globalization;
using System.Net;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.Territory.DemoSeed;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.Reserve;

/// <summary>Notifications are written in the recipient's stored language, not the actor's (docs/adr/0322); once per database.</summary>
public abstract class NotificationLanguageTests(AppFixture fixture)
{
    private static string Day(int offset) => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task An_english_speaking_partner_is_told_in_english_what_a_french_coordinator_did_and_the_coordinator_in_french_what_she_did()
    {
        var app = await fixture.AppAsync();
        var partner = app.CreateBrowserLikeClient();
        await partner.SignInAsync(Demo.Email(Roles.Partner), Demo.Password);
        var coordinator = app.CreateBrowserLikeClient();
        await coordinator.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);

        // The partner chooses English for her messages on her account page; a bad value changes nothing.
        var bad = await partner.PostFormAsync("/account", [new("language", "de")], "/account?handler=Language");
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("Choisissez le français ou l’anglais.");
        (await partner.PostFormAsync("/account", [new("language", "en")], "/account?handler=Language")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await partner.GetStringAsync(new Uri("/account", UriKind.Relative))).ShouldContain("value=\"en\" checked=\"checked\"");

        // She submits a mission while browsing in English: the coordinator, who kept French, is told in French.
        var posted = await partner.PostFormAsync("/reserve/missions/edit",
        [
            new("Title", "Soup run at the station"), new("Description", "Hot drinks for people sleeping rough."),
            new("OrganisationId", DemoTerritory.IdFor("organisation", "Épicerie solidaire des Tanneurs").ToString()),
            new("NeighbourhoodId", DemoTerritory.IdFor("neighbourhood", "LES-TANNEURS").ToString()), new("Place", "Parvis de la gare"),
            new("Priority", "Important"), new("SlotDate", Day(5)), new("SlotPeriod", "Morning"), new("SlotNeeded", "2"), new("submit", "true"),
        ], "/reserve/missions/edit?culture=en");
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var path = posted.Headers.Location!.OriginalString;
        path = path.Split('?')[0];
        (await coordinator.GetStringAsync(new Uri("/notifications", UriKind.Relative))).ShouldContain("Une mission attend votre modération : « Soup run at the station »");

        // The French coordinator publishes it: the partner's in-app line and e-mail are in English, the coordinator's page stays French.
        var published = await coordinator.PostFormAsync(path, [], path + "?handler=Publish");
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var mine = await partner.GetStringAsync(new Uri("/notifications", UriKind.Relative));
        mine.ShouldContain("Your mission &quot;Soup run at the station&quot; is published.");
        mine.ShouldNotContain("Votre mission « Soup run at the station »");
        var mail = await Mail.LastMessageToAsync(app.MailFolder, Demo.Email(Roles.Partner));
        mail.ShouldContain("is published");
        mail.ShouldContain("Civic reserve");
        (await coordinator.GetStringAsync(new Uri(path, UriKind.Relative))).ShouldContain("lang=\"fr\"");
    }
}

public sealed class NotificationLanguageTests_OnSqlite(SqliteApp fixture) : NotificationLanguageTests(fixture), IClassFixture<SqliteApp>;

public sealed class NotificationLanguageTests_OnPostgreSql(PostgreSqlApp fixture) : NotificationLanguageTests(fixture), IClassFixture<PostgreSqlApp>;
