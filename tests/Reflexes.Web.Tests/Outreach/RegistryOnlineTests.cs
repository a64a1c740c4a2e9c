using System.Net;
using Microsoft.EntityFrameworkCore;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.DataTrust.Domain;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.Outreach;

/// <summary>Online registration by the person or a third party, and the resident's own registration, once per database.</summary>
public abstract class RegistryOnlineTests(AppFixture fixture)
{
    [SkippableFact]
    public async Task A_person_without_an_account_registers_themself_gets_receipts_and_agents_see_them_while_bad_details_change_nothing()
    {
        var app = await fixture.AppAsync();
        var visitor = app.CreateBrowserLikeClient();
        (await visitor.GetAsync(new Uri("/heatwave-register", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await fixture.WithDbAsync(db => db.Registrants.CountAsync());

        var bad = await visitor.PostFormAsync("/heatwave-register", Form("Gisèle", "Brun", "Self") with { BirthDate = "1990-01-01" } is var f ? f.Fields() : []);
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("href=\"#Ground\"");
        (await fixture.WithDbAsync(db => db.Registrants.CountAsync())).ShouldBe(before);

        var ok = await visitor.PostFormAsync("/heatwave-register", [.. Form("Gisèle", "Brun", "Self").Fields(), new("Purposes", "outreach-calls")]);
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ok.Headers.Location!.OriginalString.ShouldBe("/heatwave-register/done");
        var done = WebUtility.HtmlDecode(await visitor.GetStringAsync(new Uri("/heatwave-register/done", UriKind.Relative)));
        done.ShouldContain("Votre inscription est enregistrée.");
        done.ShouldContain("Registre canicule et grand froid");
        done.ShouldContain("Appels de prévenance");

        var (registrant, records) = await fixture.WithDbAsync(async db =>
        {
            var row = await db.Registrants.Where(r => r.LastName == "Brun").Select(r => new { r.Status, r.SubjectId, r.RegisteredBy, r.RecordedByUserId }).SingleAsync();
            var consents = await db.ConsentRecords.Where(c => c.SubjectId == row.SubjectId).ToListAsync();
            return (row, consents);
        });
        registrant.Status.ShouldBe(RegistrantStatus.Active);
        registrant.RegisteredBy.ShouldBe(RegisteredBy.Self);
        records.Count.ShouldBe(2);
        records.ShouldAllBe(c => c.Channel == ConsentChannel.SelfService && c.Choice == ConsentChoice.Given && c.OnBehalfOf == null && c.RecordedByUserId == ConsentRecording.PublicForm);
        foreach (var record in records)
        {
            done.ShouldContain(record.Id.ToString());
        }

        var agent = app.CreateBrowserLikeClient();
        await agent.SignInAsync(Demo.Email(Roles.Agent), Demo.Password);
        (await agent.GetStringAsync(new Uri("/outreach/registry", UriKind.Relative))).ShouldContain("Brun Gisèle");
    }

    [SkippableFact]
    public async Task A_neighbour_asks_for_someone_who_is_registered_only_after_an_agent_confirms_with_them_and_a_refusal_erases_the_request()
    {
        var app = await fixture.AppAsync();
        var neighbour = app.CreateBrowserLikeClient();
        var asked = await neighbour.PostFormAsync("/heatwave-register",
            [.. Form("Raymond", "Chastel", "Neighbour").Fields(), new("RequesterName", "Nadia Benali, sa voisine"), new("RequesterContact", "06 98 76 54 32")]);
        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await neighbour.GetStringAsync(new Uri("/heatwave-register/done", UriKind.Relative))).ShouldContain("appellera la personne");

        var missingRequester = await neighbour.PostFormAsync("/heatwave-register", Form("Irène", "Vasseur", "Relative").Fields());
        (await missingRequester.Content.ReadAsStringAsync()).ShouldContain("href=\"#RequesterName\"");

        var pending = await fixture.WithDbAsync(async db =>
        {
            var row = await db.Registrants.Where(r => r.LastName == "Chastel").Select(r => new { r.Id, r.SubjectId, r.Status, r.Requester }).SingleAsync();
            return (row.Id, row.SubjectId, row.Status, row.Requester, Consents: await db.ConsentRecords.CountAsync(c => c.SubjectId == row.SubjectId));
        });
        pending.Status.ShouldBe(RegistrantStatus.ToConfirm);
        pending.Requester.ShouldBe("Nadia Benali, sa voisine — 06 98 76 54 32");
        pending.Consents.ShouldBe(0);

        var agent = app.CreateBrowserLikeClient();
        await agent.SignInAsync(Demo.Email(Roles.Agent), Demo.Password);
        (await agent.GetStringAsync(new Uri("/outreach/registry", UriKind.Relative))).ShouldNotContain("Chastel");
        (await agent.GetStringAsync(new Uri("/outreach/registry/to-confirm", UriKind.Relative))).ShouldContain("Chastel Raymond");
        var path = "/outreach/registry/" + pending.Id;
        var details = WebUtility.HtmlDecode(await agent.GetStringAsync(new Uri(path, UriKind.Relative)));
        details.ShouldContain("À confirmer par téléphone");
        details.ShouldContain("Nadia Benali");

        var confirmed = await agent.PostFormAsync(path, [new("Purposes", "heatwave-register"), new("Channel", "Phone")], path + "?handler=Confirm");
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var consent = await fixture.WithDbAsync(db => db.ConsentRecords.SingleAsync(c => c.SubjectId == pending.SubjectId));
        consent.Channel.ShouldBe(ConsentChannel.Phone);
        consent.OnBehalfOf.ShouldBeNull();
        (await agent.GetStringAsync(new Uri("/outreach/registry", UriKind.Relative))).ShouldContain("Chastel Raymond");

        await neighbour.PostFormAsync("/heatwave-register", [.. Form("Simone", "Fauvel", "SocialWorker").Fields(), new("RequesterName", "Service d’aide à domicile")]);
        var fauvel = await fixture.WithDbAsync(db => db.Registrants.Where(r => r.LastName == "Fauvel").Select(r => r.Id).SingleAsync());
        var declined = await agent.PostFormAsync("/outreach/registry/" + fauvel, [], "/outreach/registry/" + fauvel + "?handler=Decline");
        declined.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await fixture.WithDbAsync(db => db.Registrants.AnyAsync(r => r.LastName == "Fauvel"))).ShouldBeFalse();
    }

    [SkippableFact]
    public async Task A_filled_honeypot_is_thanked_and_nothing_is_kept()
    {
        var app = await fixture.AppAsync();
        var robot = app.CreateBrowserLikeClient();
        var response = await robot.PostFormAsync("/heatwave-register", [.. Form("Bot", "Robot", "Self").Fields().Where(f => f.Key != "Website"), new("Website", "http://spam.example")]);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await fixture.WithDbAsync(db => db.Registrants.AnyAsync(r => r.LastName == "Robot"))).ShouldBeFalse();
    }

    [SkippableFact]
    public async Task A_signed_in_resident_registers_sees_corrects_withdraws_in_one_step_and_registers_again()
    {
        var app = await fixture.AppAsync();
        var resident = app.CreateBrowserLikeClient();
        await resident.SignInAsync(Demo.Email(Roles.Resident), Demo.Password);
        (await resident.GetStringAsync(new Uri("/my-registration", UriKind.Relative))).ShouldContain("/heatwave-register");
        var form = WebUtility.HtmlDecode(await resident.GetStringAsync(new Uri("/heatwave-register", UriKind.Relative)));
        var user = await fixture.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Email(Roles.Resident)).Select(u => new { u.Id, u.DisplayName }).SingleAsync());
        form.ShouldContain("value=\"" + user.DisplayName.Split(' ')[0] + "\"");

        var registered = await resident.PostFormAsync("/heatwave-register", Form("Hélène", "Roussel", "Self").Fields());
        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var done = await resident.GetStringAsync(new Uri("/heatwave-register/done", UriKind.Relative));
        var receipt = System.Text.RegularExpressions.Regex.Match(done, "/my-data/receipts/([0-9a-f-]{36})").Groups[1].Value;
        (await resident.GetAsync(new Uri("/my-data/receipts/" + receipt, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var subject = await fixture.WithDbAsync(db => db.DataSubjects.Where(s => s.UserId == user.Id).Select(s => s.Id).SingleAsync());
        (await fixture.WithDbAsync(db => db.Registrants.CountAsync(r => r.SubjectId == subject))).ShouldBe(1);

        var mine = WebUtility.HtmlDecode(await resident.GetStringAsync(new Uri("/my-registration", UriKind.Relative)));
        mine.ShouldContain("Roussel");
        var again = await resident.PostFormAsync("/heatwave-register", Form("Hélène", "Roussel", "Self").Fields());
        (await again.Content.ReadAsStringAsync()).ShouldContain("href=\"#FilledBy\"");

        var corrected = await resident.PostFormAsync("/my-registration",
            [.. Form("Hélène", "Roussel", "Self").Fields().Where(f => f.Key != "Phone"), new("Phone", "04 78 99 00 11")], "/my-registration?handler=Correct");
        corrected.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await resident.GetStringAsync(new Uri("/my-registration", UriKind.Relative))).ShouldContain("04 78 99 00 11");

        var withdrawn = await resident.PostFormAsync("/my-registration", [], "/my-registration?handler=Withdraw");
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var afterWithdrawal = WebUtility.HtmlDecode(await resident.GetStringAsync(new Uri("/my-registration", UriKind.Relative)));
        afterWithdrawal.ShouldContain("Voir le reçu du retrait");
        var latest = await fixture.WithDbAsync(db => db.ConsentRecords.Where(c => c.SubjectId == subject).OrderByDescending(c => c.RecordedAtUtc).FirstAsync());
        latest.Choice.ShouldBe(ConsentChoice.Withdrawn);
        latest.Channel.ShouldBe(ConsentChannel.SelfService);
        var agent = app.CreateBrowserLikeClient();
        await agent.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);
        (await agent.GetStringAsync(new Uri("/outreach/registry", UriKind.Relative))).ShouldNotContain("Roussel");
        WebUtility.HtmlDecode(await resident.GetStringAsync(new Uri("/my-registration", UriKind.Relative))).ShouldContain("M’inscrire à nouveau");

        (await resident.PostFormAsync("/heatwave-register", Form("Hélène", "Roussel", "Self").Fields())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await fixture.WithDbAsync(db => db.Registrants.CountAsync(r => r.SubjectId == subject && r.WithdrawnAtUtc == null))).ShouldBe(1);
        (await agent.GetStringAsync(new Uri("/outreach/registry", UriKind.Relative))).ShouldContain("Roussel Hélène");
    }

    private static SignUpForm Form(string first, string last, string filledBy) =>
        new(first, last, "1939-06-18", "7 rue de la Fontaine", "04 78 21 43 65", "Age65Plus", filledBy);

    private sealed record SignUpForm(string FirstName, string LastName, string BirthDate, string Address, string Phone, string Ground, string FilledBy)
    {
        public KeyValuePair<string, string>[] Fields() =>
        [
            new("FirstName", FirstName), new("LastName", LastName), new("BirthDate", BirthDate), new("Address", Address),
            new("Phone", Phone), new("Ground", Ground), new("FilledBy", FilledBy), new("Purposes", "heatwave-register"), new("Website", ""),
        ];
    }
}

public sealed class RegistryOnlineSqliteTests(SqliteApp fixture) : RegistryOnlineTests(fixture), IClassFixture<SqliteApp>;

public sealed class RegistryOnlinePostgreSqlTests(PostgreSqlApp fixture) : RegistryOnlineTests(fixture), IClassFixture<PostgreSqlApp>;
