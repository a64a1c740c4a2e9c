using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Modules.Outreach.Orientation;
using Reflexes.Web.Modules.Outreach.Referrals;
using Reflexes.Web.Modules.Territory.DemoSeed;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.Outreach;

/// <summary>Referrals filed, routed, received and closed in the browser's pages, once per database.</summary>
public abstract class OrientationTests(AppFixture fixture)
{
    [SkippableFact]
    public async Task An_agent_files_a_referral_from_a_persons_page_and_bad_input_is_tied_to_its_fields_and_changes_nothing()
    {
        var app = await fixture.AppAsync();
        var agent = app.CreateBrowserLikeClient();
        await agent.SignInAsync(Demo.Email(Roles.Agent), Demo.Password);
        var person = await RegisterAsync(agent, "Gisèle", "Brunet", null);
        (await agent.GetStringAsync(new Uri(person, UriKind.Relative))).ShouldContain("/outreach/referrals/file/" + person.Split('/').Last());
        var filePage = "/outreach/referrals/file/" + person.Split('/').Last();
        (await agent.GetStringAsync(new Uri(filePage, UriKind.Relative))).ShouldContain("Gisèle Brunet");
        var before = await fixture.WithDbAsync(db => db.Referrals.CountAsync());

        var bad = await agent.PostFormAsync(filePage, [new("Category", "Treasure"), new("Details", " ")]);
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = await bad.Content.ReadAsStringAsync();
        errors.ShouldContain("href=\"#Category\"");
        errors.ShouldContain("href=\"#Urgency\"");
        errors.ShouldContain("href=\"#Details\"");
        errors.ShouldContain("href=\"#ConsentToShare\"");
        (await fixture.WithDbAsync(db => db.Referrals.CountAsync())).ShouldBe(before);

        var ok = await agent.PostFormAsync(filePage,
            [new("Category", "Housing"), new("Urgency", "Urgent"), new("Details", "Chauffage en panne depuis trois jours."), new("ConsentToShare", "true")]);
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ok.Headers.Location!.OriginalString.ShouldBe(person);
        var referral = await fixture.WithDbAsync(db => db.Referrals.Where(r => r.Category == NeedCategory.Housing && r.Urgency == ReferralUrgency.Urgent)
            .OrderByDescending(r => r.FiledAtUtc).Select(r => new { r.Id, r.Status, r.FiledAtUtc, r.AcknowledgeByUtc, r.CloseByUtc }).FirstAsync());
        referral.Status.ShouldBe(ReferralStatus.Filed);
        (referral.AcknowledgeByUtc - referral.FiledAtUtc).ShouldBe(TimeSpan.FromHours(4));
        (referral.CloseByUtc - referral.FiledAtUtc).ShouldBe(TimeSpan.FromHours(24));
        (await fixture.WithDbAsync(db => db.ReferralEvents.CountAsync(e => e.ReferralId == referral.Id && e.Kind == ReferralEventKind.Filed))).ShouldBe(1);
        string.Join('\n', app.Logs.Lines).ShouldNotContain("Chauffage en panne");
    }

    [SkippableFact]
    public async Task The_orientator_is_proposed_the_most_specific_service_overrides_it_and_the_history_says_who_did_what()
    {
        var app = await fixture.AppAsync();
        var orientator = app.CreateBrowserLikeClient();
        await orientator.SignInAsync(Demo.Email(Roles.Orientator), Demo.Password);
        var person = await RegisterAsync(orientator, "Lucienne", "Ferrer", ReferralDemo.Tanneurs);
        var filed = await orientator.PostFormAsync("/outreach/referrals/file/" + person.Split('/').Last(),
            [new("Category", "Food"), new("Urgency", "Soon"), new("Details", "Ne mange plus qu’un repas par jour."), new("ConsentToShare", "false")]);
        filed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await fixture.WithDbAsync(async db =>
        {
            var registrantId = Guid.Parse(person.Split('/').Last());
            return await db.Referrals.Where(r => r.RegistrantId == registrantId).Select(r => r.Id).SingleAsync();
        });

        var queue = await orientator.GetStringAsync(new Uri("/outreach/orientation", UriKind.Relative));
        queue.ShouldContain("Ferrer Lucienne");
        queue.ShouldContain("Épicerie solidaire des Tanneurs"); // food × Les Tanneurs beats food alone
        var page = await orientator.GetStringAsync(new Uri("/outreach/orientation/" + id, UriKind.Relative));
        page.ShouldContain("Les règles proposent : Épicerie solidaire des Tanneurs.");

        var missing = await orientator.PostFormAsync("/outreach/orientation/" + id, [new("ServiceId", "")]);
        missing.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("href=\"#ServiceId\"");

        var routed = await orientator.PostFormAsync("/outreach/orientation/" + id, [new("ServiceId", ReferralDemo.FoodBank.ToString())]);
        routed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var state = await fixture.WithDbAsync(db => db.Referrals.Where(r => r.Id == id).Select(r => new { r.Status, r.ServiceId, r.OwnerUserId, r.OrientatorUserId }).SingleAsync());
        var orientatorId = await fixture.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Email(Roles.Orientator)).Select(u => u.Id).SingleAsync());
        state.Status.ShouldBe(ReferralStatus.Assigned);
        state.ServiceId.ShouldBe(ReferralDemo.FoodBank);
        state.OwnerUserId.ShouldBe(orientatorId);
        var events = await fixture.WithDbAsync(db => db.ReferralEvents.Where(e => e.ReferralId == id).OrderBy(e => e.AtUtc)
            .Select(e => new { e.Kind, e.ActorUserId, e.ServiceId }).ToListAsync());
        events.Select(e => e.Kind).ShouldBe([ReferralEventKind.Filed, ReferralEventKind.RouteOverridden]);
        events[1].ActorUserId.ShouldBe(orientatorId);
        events[1].ServiceId.ShouldBe(ReferralDemo.FoodBank);
        var history = await orientator.GetStringAsync(new Uri("/outreach/orientation/" + id, UriKind.Relative));
        history.ShouldContain("Orienté vers un autre service que celui proposé");
        history.ShouldContain("Olivia Orientatrice");
        (await orientator.GetStringAsync(new Uri("/outreach/orientation", UriKind.Relative))).ShouldNotContain("Ferrer Lucienne");
    }

    [SkippableFact]
    public async Task A_service_sees_only_its_referrals_and_the_person_only_when_they_agreed_to_share()
    {
        var app = await fixture.AppAsync();
        var partner = app.CreateBrowserLikeClient();
        await partner.SignInAsync(Demo.Email(Roles.Partner), Demo.Password);

        var inbox = await partner.GetStringAsync(new Uri("/outreach/referrals/inbox", UriKind.Relative));
        inbox.ShouldContain("Vallet Josette"); // food bank, agreed to share
        inbox.ShouldContain("coordonnées non partagées"); // André Masson, did not agree
        inbox.ShouldNotContain("Masson");
        inbox.ShouldNotContain("Perrin"); // at the CCAS, not the partner's services

        var andre = await IdOfAsync("Hésite à demander");
        var page = await partner.GetStringAsync(new Uri("/outreach/referrals/inbox/" + andre, UriKind.Relative));
        page.ShouldNotContain("Masson");
        page.ShouldNotContain("Hésite à demander");
        page.ShouldNotContain("04 78 20 97 08");
        page.ShouldContain("Alimentation");
        page.ShouldContain("mailto:orientation@valbrune.example");

        var ccas = await IdOfAsync("Facture d’électricité");
        (await partner.GetAsync(new Uri("/outreach/referrals/inbox/" + ccas, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var acknowledge = await partner.PostFormAsync("/outreach/referrals/inbox/" + andre, [], "/outreach/referrals/inbox/" + ccas + "?handler=Acknowledge");
        acknowledge.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fixture.WithDbAsync(db => db.Referrals.Where(r => r.Id == ccas).Select(r => r.Status).SingleAsync())).ShouldBe(ReferralStatus.Assigned);
        (await partner.GetAsync(new Uri("/outreach/orientation", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [SkippableFact]
    public async Task The_service_acknowledges_works_and_closes_with_an_outcome_and_each_step_is_in_the_history()
    {
        var app = await fixture.AppAsync();
        var partner = app.CreateBrowserLikeClient();
        await partner.SignInAsync(Demo.Email(Roles.Partner), Demo.Password);
        var id = await IdOfAsync("Fin de mois difficile");
        var path = "/outreach/referrals/inbox/" + id;
        var page = await partner.GetStringAsync(new Uri(path, UriKind.Relative));
        page.ShouldContain("Josette Vallet");
        page.ShouldContain("Fin de mois difficile, demande un colis.");

        (await partner.PostFormAsync(path, [], path + "?handler=Acknowledge")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await partner.PostFormAsync(path, [new("Note", "Colis livré mardi.")], path + "?handler=Progress")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var noOutcome = await partner.PostFormAsync(path, [new("Note", "")], path + "?handler=Close");
        noOutcome.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await noOutcome.Content.ReadAsStringAsync()).ShouldContain("href=\"#Outcome\"");
        (await partner.PostFormAsync(path, [new("Outcome", "HelpProvided"), new("Note", "Inscrite à l’épicerie.")], path + "?handler=Close"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var partnerId = await fixture.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Email(Roles.Partner)).Select(u => u.Id).SingleAsync());
        var state = await fixture.WithDbAsync(db => db.Referrals.Where(r => r.Id == id)
            .Select(r => new { r.Status, r.Outcome, r.OwnerUserId, r.AcknowledgedAtUtc, r.ClosedAtUtc }).SingleAsync());
        state.Status.ShouldBe(ReferralStatus.Closed);
        state.Outcome.ShouldBe(ReferralOutcome.HelpProvided);
        state.OwnerUserId.ShouldBe(partnerId);
        state.AcknowledgedAtUtc.ShouldNotBeNull();
        state.ClosedAtUtc.ShouldNotBeNull();
        var steps = await fixture.WithDbAsync(db => db.ReferralEvents.Where(e => e.ReferralId == id && e.ActorUserId == partnerId)
            .OrderBy(e => e.AtUtc).Select(e => new { e.Kind, e.Note }).ToListAsync());
        steps.Select(s => s.Kind).ShouldBe([ReferralEventKind.Acknowledged, ReferralEventKind.InProgress, ReferralEventKind.Closed]);
        steps[1].Note.ShouldBe("Colis livré mardi.");
        var closed = await partner.GetStringAsync(new Uri(path, UriKind.Relative));
        closed.ShouldContain("Aide apportée");
        closed.ShouldNotContain("handler=Acknowledge");
        (await partner.PostFormAsync(path, [], path + "?handler=Acknowledge")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task A_caller_cannot_browse_referrals()
    {
        var app = await fixture.AppAsync();
        // An agent outside the staff directory: the demo agent is in it and works for a receiving service.
        var email = $"appelant.{Guid.NewGuid():N}@valbrune.example";
        using (var scope = app.Services.CreateScope())
        {
            var (_, errors) = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                .CreateAsync(email, "Camille Appel", "A long enough password", [Roles.Agent], CancellationToken.None);
            errors.ShouldBeEmpty();
        }

        var agent = app.CreateBrowserLikeClient();
        await agent.SignInAsync(email, "A long enough password");
        var josette = await IdOfAsync("Fin de mois difficile");

        foreach (var path in new[] { "/outreach/orientation", "/outreach/orientation/" + josette, "/outreach/orientation/dashboard", "/outreach/orientation/rules" })
        {
            var response = await agent.GetAsync(new Uri(path, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            response.Headers.Location!.OriginalString.ShouldContain("/account/access-denied", Case.Sensitive, path);
        }

        var inbox = await agent.GetStringAsync(new Uri("/outreach/referrals/inbox", UriKind.Relative));
        inbox.ShouldContain("n’est rattaché à aucun service");
        inbox.ShouldNotContain("Vallet");
        (await agent.GetAsync(new Uri("/outreach/referrals/inbox/" + josette, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task Routing_rules_and_service_members_are_managed_on_a_page_with_errors_tied_to_fields()
    {
        var app = await fixture.AppAsync();
        var coordinator = app.CreateBrowserLikeClient();
        await coordinator.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);
        const string page = "/outreach/orientation/rules";
        var housingTanneurs = new KeyValuePair<string, string>[]
        {
            new("Category", "Housing"), new("NeighbourhoodId", ReferralDemo.Tanneurs.ToString()), new("ServiceId", ReferralDemo.Ccas.ToString()),
        };

        var noService = await coordinator.PostFormAsync(page, [new("Category", "Housing")], page + "?handler=AddRule");
        (await noService.Content.ReadAsStringAsync()).ShouldContain("href=\"#ServiceId\"");
        (await coordinator.PostFormAsync(page, housingTanneurs, page + "?handler=AddRule")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var duplicate = await coordinator.PostFormAsync(page, housingTanneurs, page + "?handler=AddRule");
        (await duplicate.Content.ReadAsStringAsync()).ShouldContain("Une règle existe déjà");
        (await fixture.WithDbAsync(db => db.RoutingRules.CountAsync(r => r.Category == NeedCategory.Housing && r.NeighbourhoodId == ReferralDemo.Tanneurs))).ShouldBe(1);

        var resident = await coordinator.PostFormAsync(page, [new("MemberServiceId", ReferralDemo.Ccas.ToString()), new("MemberEmail", "habitante@valbrune.example")], page + "?handler=AddMember");
        (await resident.Content.ReadAsStringAsync()).ShouldContain("href=\"#MemberEmail\"");
        var agentToCcas = await coordinator.PostFormAsync(page, [new("MemberServiceId", ReferralDemo.Ccas.ToString()), new("MemberEmail", Demo.Email(Roles.Agent))], page + "?handler=AddMember");
        agentToCcas.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var agent = app.CreateBrowserLikeClient();
        await agent.SignInAsync(Demo.Email(Roles.Agent), Demo.Password);
        (await agent.GetStringAsync(new Uri("/outreach/referrals/inbox", UriKind.Relative))).ShouldContain("Perrin Marcel");

        var memberId = await fixture.WithDbAsync(db => db.ServiceMembers.Where(m => m.ServiceId == ReferralDemo.Ccas).Select(m => m.Id).SingleAsync());
        (await coordinator.PostFormAsync(page, [new("memberId", memberId.ToString())], page + "?handler=RemoveMember")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await agent.GetStringAsync(new Uri("/outreach/referrals/inbox", UriKind.Relative))).ShouldNotContain("Perrin");
    }

    [SkippableFact]
    public async Task A_service_hands_a_referral_back_and_it_waits_in_the_queue_again()
    {
        var app = await fixture.AppAsync();
        var orientator = app.CreateBrowserLikeClient();
        await orientator.SignInAsync(Demo.Email(Roles.Orientator), Demo.Password);
        var person = await RegisterAsync(orientator, "Raymond", "Giraud", null);
        await orientator.PostFormAsync("/outreach/referrals/file/" + person.Split('/').Last(),
            [new("Category", "Isolation"), new("Urgency", "Normal"), new("Details", "Aimerait parler à quelqu’un."), new("ConsentToShare", "true")]);
        var id = await IdOfAsync("Aimerait parler à quelqu’un.");
        await orientator.PostFormAsync("/outreach/orientation/" + id, [new("ServiceId", ReferralDemo.Generations.ToString())]);

        var partner = app.CreateBrowserLikeClient();
        await partner.SignInAsync(Demo.Email(Roles.Partner), Demo.Password);
        var path = "/outreach/referrals/inbox/" + id;
        var noReason = await partner.PostFormAsync(path, [new("Note", " ")], path + "?handler=Return");
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("href=\"#ReturnNote\"");
        (await partner.PostFormAsync(path, [new("Note", "Relève du CCAS.")], path + "?handler=Return")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await fixture.WithDbAsync(db => db.Referrals.Where(r => r.Id == id).Select(r => r.Status).SingleAsync())).ShouldBe(ReferralStatus.Filed);
        (await orientator.GetStringAsync(new Uri("/outreach/orientation", UriKind.Relative))).ShouldContain("Giraud Raymond");
        (await partner.GetAsync(new Uri(path, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task A_referral_about_a_person_who_withdrew_from_outreach_calls_is_hidden_and_reading_it_is_refused_and_recorded()
    {
        var app = await fixture.AppAsync();
        var orientator = app.CreateBrowserLikeClient();
        await orientator.SignInAsync(Demo.Email(Roles.Orientator), Demo.Password);
        var person = await RegisterAsync(orientator, "Hortense", "Lemaire", null);
        await orientator.PostFormAsync("/outreach/referrals/file/" + person.Split('/').Last(),
            [new("Category", "Money"), new("Urgency", "Normal"), new("Details", "Ne sait plus payer son loyer."), new("ConsentToShare", "true")]);
        var id = await IdOfAsync("Ne sait plus payer son loyer.");
        (await orientator.GetStringAsync(new Uri("/outreach/orientation", UriKind.Relative))).ShouldContain("Lemaire Hortense");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var subject = await fixture.WithDbAsync(db => db.Referrals.Where(r => r.Id == id).Select(r => r.SubjectId).SingleAsync());
            var agentId = await fixture.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Email(Roles.Agent)).Select(u => u.Id).SingleAsync());
            await scope.ServiceProvider.GetRequiredService<ConsentRecording>()
                .RecordThroughAgentAsync(subject, "outreach-calls", given: false, ConsentChannel.Phone, agentId, null, default);
        }

        var queue = await orientator.GetStringAsync(new Uri("/outreach/orientation", UriKind.Relative));
        queue.ShouldNotContain("Lemaire");
        queue.ShouldContain("ne sont pas affichées");
        var read = await orientator.GetAsync(new Uri("/outreach/orientation/" + id, UriKind.Relative));
        read.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var refused = await read.Content.ReadAsStringAsync();
        refused.ShouldNotContain("Ne sait plus payer");
        refused.ShouldContain("appels de prévenance a été retiré");
        (await fixture.WithDbAsync(async db => await (await db.IntegratedAuditAsync())
            .CountAsync(e => e.Record!.EndsWith("/referral/" + id) && e.Result == "Denied"))).ShouldBe(1);
        (await orientator.PostFormAsync("/outreach/orientation", [new("ServiceId", ReferralDemo.Ccas.ToString())], "/outreach/orientation/" + id))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fixture.WithDbAsync(db => db.Referrals.Where(r => r.Id == id).Select(r => r.Status).SingleAsync())).ShouldBe(ReferralStatus.Filed);
    }

    private async Task<Guid> IdOfAsync(string detailsStart) =>
        await fixture.WithDbAsync(db => db.Referrals.Where(r => r.Details.StartsWith(detailsStart)).Select(r => r.Id).SingleAsync());

    internal static async Task<string> RegisterAsync(HttpClient client, string first, string last, Guid? neighbourhood)
    {
        var response = await client.PostFormAsync("/outreach/registry/register",
        [
            new("FirstName", first), new("LastName", last), new("BirthDate", "1939-02-11"), new("Address", "5 rue des Lilas"),
            new("NeighbourhoodId", neighbourhood?.ToString() ?? ""), new("Phone", "04 78 33 44 55"), new("Ground", "Age65Plus"),
            new("RegisteredBy", "Self"), new("Channel", "Phone"), new("Purposes", "heatwave-register"), new("Purposes", "outreach-calls"),
        ]);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return response.Headers.Location!.OriginalString;
    }
}

public sealed class OrientationSqliteTests(SqliteApp fixture) : OrientationTests(fixture), IClassFixture<SqliteApp>;

public sealed class OrientationPostgreSqlTests(PostgreSqlApp fixture) : OrientationTests(fixture), IClassFixture<PostgreSqlApp>;
