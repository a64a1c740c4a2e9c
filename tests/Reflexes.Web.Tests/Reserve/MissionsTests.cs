using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Modules.Territory.DemoSeed;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.Reserve;

/// <summary>Missions from posting to the public catalogue, offers of help, notifications; once per database.</summary>
public abstract class MissionsTests(AppFixture fixture)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    private static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly Guid Grocery = DemoTerritory.IdFor("organisation", "Épicerie solidaire des Tanneurs");

    private static readonly string Handling = DemoTerritory.IdFor("skill", "Manutention").ToString();

    private static readonly Guid Tanneurs = DemoTerritory.IdFor("neighbourhood", "LES-TANNEURS");

    [SkippableFact]
    public async Task Bad_slots_are_reported_on_their_fields_and_change_nothing()
    {
        var app = await fixture.AppAsync();
        var partner = app.CreateBrowserLikeClient();
        await partner.SignInAsync(Demo.Email(Roles.Partner), Demo.Password);
        var before = await fixture.WithDbAsync(db => db.Missions.CountAsync());

        var response = await partner.PostFormAsync("/reserve/missions/edit", Form("Soupe populaire",
            [(Day(3), "Morning", "0"), (Day(-2), "Afternoon", "2"), (Day(4), "Evening", "1"), ("2026-02-30", "Morning", "1")]));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("href=\"#Slot0Needed\"");
        html.ShouldContain("href=\"#Slot1Date\"");
        html.ShouldContain("href=\"#Slot2Period\"");
        html.ShouldContain("href=\"#Slot3Date\"");
        html.ShouldContain("id=\"Slot0Needed\"");
        html.ShouldContain("aria-invalid=\"true\"");
        (await fixture.WithDbAsync(db => db.Missions.CountAsync())).ShouldBe(before);
    }

    [SkippableFact]
    public async Task A_partner_posts_a_mission_the_coordination_unit_returns_then_publishes_and_the_public_finds_it()
    {
        var app = await fixture.AppAsync();
        var partner = app.CreateBrowserLikeClient();
        await partner.SignInAsync(Demo.Email(Roles.Partner), Demo.Password);

        var posted = await partner.PostFormAsync("/reserve/missions/edit",
            [.. Form("Maraude du soir", [(Day(5), "Afternoon", "2"), (Day(6), "Morning", "3")]), new("submit", "true")]);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var path = posted.Headers.Location!.OriginalString;
        (await partner.GetStringAsync(new Uri(path, UriKind.Relative))).ShouldContain("Soumise");

        var coordinator = app.CreateBrowserLikeClient();
        await coordinator.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);
        (await coordinator.GetStringAsync(new Uri("/reserve/moderation", UriKind.Relative))).ShouldContain("Maraude du soir");
        (await coordinator.GetStringAsync(new Uri("/notifications", UriKind.Relative))).ShouldContain("Maraude du soir");

        var noReason = await coordinator.PostFormAsync(path, [new("Reason", " ")], path + "?handler=Return");
        noReason.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("href=\"#Reason\"");

        var returned = await coordinator.PostFormAsync(path, [new("Reason", "Précisez le lieu de rendez-vous exact.")], path + "?handler=Return");
        returned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await partner.GetStringAsync(new Uri(path, UriKind.Relative))).ShouldContain("Précisez le lieu de rendez-vous exact.");
        (await partner.GetStringAsync(new Uri("/notifications", UriKind.Relative))).ShouldContain("Précisez le lieu de rendez-vous exact.");
        (await Mail.LastMessageToAsync(app.MailFolder, Demo.Email(Roles.Partner))).ShouldContain("Maraude du soir");

        var partnerPublishes = await partner.PostFormAsync(path, [], path + "?handler=Publish");
        Refused(partnerPublishes).ShouldBeTrue();

        (await partner.PostFormAsync(path, [], path + "?handler=Submit")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await coordinator.PostFormAsync(path, [], path + "?handler=Publish")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var visitor = app.CreateBrowserLikeClient();
        var catalogue = await visitor.GetStringAsync(new Uri("/reserve/catalogue?Skill=" + Handling + "&NeighbourhoodId=" + Tanneurs, UriKind.Relative));
        catalogue.ShouldContain("Maraude du soir");
        catalogue.ShouldContain("data-mission-lat=");
        (await visitor.GetStringAsync(new Uri("/reserve/catalogue?Skill=" + DemoTerritory.IdFor("skill", "Aide aux devoirs"), UriKind.Relative))).ShouldNotContain("Maraude du soir");
        (await visitor.GetStringAsync(new Uri("/reserve/catalogue?Date=" + Day(5), UriKind.Relative))).ShouldContain("Maraude du soir");
        (await visitor.GetStringAsync(new Uri("/reserve/catalogue?Date=" + Day(7), UriKind.Relative))).ShouldNotContain("Maraude du soir");
        (await visitor.GetStringAsync(new Uri("/reserve/catalogue?Priority=Essential", UriKind.Relative))).ShouldNotContain("Maraude du soir");
        var id = path.Split('/').Last();
        (await visitor.GetStringAsync(new Uri("/reserve/catalogue/" + id, UriKind.Relative))).ShouldContain("Maraude du soir");
    }

    [SkippableFact]
    public async Task A_partner_cannot_post_for_another_organisation_nor_open_its_missions()
    {
        var app = await fixture.AppAsync();
        var partner = app.CreateBrowserLikeClient();
        await partner.SignInAsync(Demo.Email(Roles.Partner), Demo.Password);
        var other = DemoTerritory.IdFor("organisation", "Maison des langues");

        var response = await partner.PostFormAsync("/reserve/missions/edit",
            Form("Cours de français", [(Day(3), "Morning", "1")]).Select(f => f.Key == "OrganisationId" ? new("OrganisationId", other.ToString()) : f));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("href=\"#OrganisationId\"");

        var foreign = await fixture.WithDbAsync(db => db.Missions.Where(m => m.OrganisationId != Grocery).Select(m => m.Id).FirstAsync());
        Refused(await partner.GetAsync(new Uri("/reserve/missions/" + foreign, UriKind.Relative))).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task Crisis_mode_lists_essential_missions_first()
    {
        var app = await fixture.AppAsync();
        var coordinator = app.CreateBrowserLikeClient();
        await coordinator.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);
        var visitor = app.CreateBrowserLikeClient();

        (await coordinator.PostFormAsync("/reserve/moderation", [new("on", "true")], "/reserve/moderation?handler=Crisis")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var onCrisis = await visitor.GetStringAsync(new Uri("/reserve/catalogue", UriKind.Relative));
        (await coordinator.PostFormAsync("/reserve/moderation", [new("on", "false")], "/reserve/moderation?handler=Crisis")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var priorities = PriorityOrder(onCrisis);
        priorities.ShouldNotBeEmpty();
        priorities.ShouldBe(priorities.Order().ToList());
        priorities.First().ShouldBe(1);
        onCrisis.ShouldContain("Mode crise");
        (await visitor.GetStringAsync(new Uri("/reserve/catalogue", UriKind.Relative))).ShouldNotContain("Mode crise");
    }

    [SkippableFact]
    public async Task A_resident_offers_help_with_consent_and_a_coordinator_links_it_to_a_mission()
    {
        var app = await fixture.AppAsync();
        var resident = app.CreateBrowserLikeClient();
        await resident.SignInAsync(Demo.Email(Roles.Resident), Demo.Password);

        var noConsent = await resident.PostFormAsync("/reserve/offers/new", [new("Text", "Je parle tamoul et je peux accompagner.")]);
        noConsent.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await noConsent.Content.ReadAsStringAsync()).ShouldContain("href=\"#Consent\"");

        var posted = await resident.PostFormAsync("/reserve/offers/new", [new("Text", "Je parle tamoul et je peux accompagner."), new("Consent", "true")]);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await resident.GetStringAsync(new Uri("/reserve/offers/mine", UriKind.Relative))).ShouldContain("Je parle tamoul");

        var coordinator = app.CreateBrowserLikeClient();
        await coordinator.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);
        (await coordinator.GetStringAsync(new Uri("/reserve/offers", UriKind.Relative))).ShouldContain("Je parle tamoul");
        var (offer, mission) = await fixture.WithDbAsync(async db => (
            await db.OffersOfHelp.Where(o => o.Status == OfferStatus.Open).Select(o => o.Id).FirstAsync(),
            await db.Missions.Where(m => m.Title.StartsWith("Interprète tamoul")).Select(m => m.Id).FirstAsync()));

        var linked = await coordinator.PostFormAsync("/reserve/offers", [new("offer", offer.ToString()), new("mission", mission.ToString())], "/reserve/offers?handler=Link");
        linked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await fixture.WithDbAsync(db => db.OffersOfHelp.Where(o => o.Id == offer).Select(o => o.MissionId).SingleAsync())).ShouldBe(mission);
        (await resident.GetStringAsync(new Uri("/notifications", UriKind.Relative))).ShouldContain("Interprète tamoul");
        string.Join('\n', app.Logs.Lines).ShouldNotContain("Je parle tamoul");

        var partner = app.CreateBrowserLikeClient();
        await partner.SignInAsync(Demo.Email(Roles.Partner), Demo.Password);
        Refused(await partner.GetAsync(new Uri("/reserve/offers", UriKind.Relative))).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task The_demo_territory_has_a_dozen_missions_with_slots_next_week()
    {
        await fixture.AppAsync();
        var demo = await fixture.WithDbAsync(db => db.Missions.Include(m => m.Slots)
            .Where(m => m.PostedByUserId != "").ToListAsync());
        var seeded = demo.Where(m => m.CreatedAtUtc <= demo.Min(x => x.CreatedAtUtc).AddMinutes(1)).ToList();
        seeded.Count.ShouldBe(12);
        seeded.Count(m => m.Status == MissionStatus.Published).ShouldBe(10);
        var nextMonday = Today.AddDays(((int)DayOfWeek.Monday - (int)Today.DayOfWeek + 7) % 7 is var d && d == 0 ? 7 : d);
        seeded.SelectMany(m => m.Slots).ShouldAllBe(s => s.Date >= nextMonday && s.Date < nextMonday.AddDays(7));
    }

    [SkippableFact]
    public async Task The_catalogue_map_uses_the_configured_tile_server_allowed_by_the_content_security_policy()
    {
        var app = await fixture.AppAsync();
        var response = await app.CreateBrowserLikeClient().GetAsync(new Uri("/reserve/catalogue", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("data-tiles=\"https://tile.openstreetmap.org/{z}/{x}/{y}.png\"");
        html.ShouldContain("/lib/leaflet/leaflet.js");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("img-src 'self' data: https://tile.openstreetmap.org");
        (await app.CreateBrowserLikeClient().GetAsync(new Uri("/lib/leaflet/leaflet.js", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    internal static bool Refused(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal));

    private static List<int> PriorityOrder(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "class=\"priority priority-(essential|important|normal)\"")
            .Select(m => m.Groups[1].Value switch { "essential" => 1, "important" => 2, _ => 3 })];

    private static List<KeyValuePair<string, string>> Form(string title, IEnumerable<(string Date, string Period, string Needed)> slots)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Title", title), new("Description", "Aller à la rencontre des personnes à la rue avec des boissons chaudes."),
            new("OrganisationId", Grocery.ToString()), new("NeighbourhoodId", Tanneurs.ToString()), new("Place", "Parvis de la gare"),
            new("Lat", "45.705"), new("Lon", "4.84"), new("Skills", Handling), new("Languages", "fr"), new("Priority", "Important"),
        };
        foreach (var (date, period, needed) in slots)
        {
            fields.Add(new("SlotDate", date));
            fields.Add(new("SlotPeriod", period));
            fields.Add(new("SlotNeeded", needed));
        }

        return fields;
    }
}

public sealed class MissionsSqliteTests(SqliteApp fixture) : MissionsTests(fixture), IClassFixture<SqliteApp>;

public sealed class MissionsPostgreSqlTests(PostgreSqlApp fixture) : MissionsTests(fixture), IClassFixture<PostgreSqlApp>;
