using System.Net;
using Microsoft.EntityFrameworkCore;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.Outreach.Campaigns;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.Outreach;

/// <summary>Campaigns, the caller's workspace and the dashboard through the pages, on the demo data, once per database.</summary>
public abstract class CampaignPagesTests(AppFixture fixture)
{
    private async Task<Guid> DemoCampaignAsync() =>
        await fixture.WithDbAsync(db => db.Campaigns.Where(c => c.Name == CampaignDemo.CampaignName).Select(c => c.Id).SingleAsync());

    private async Task<HttpClient> SignedInAsync(string role)
    {
        var app = await fixture.AppAsync();
        var client = app.CreateBrowserLikeClient();
        (await client.SignInAsync(Demo.Email(role), Demo.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    private static async Task<string> NextCallAsync(HttpClient caller, Guid campaign)
    {
        var next = await caller.PostFormAsync("/outreach/calls", [], $"/outreach/calls?handler=Next&campaignId={campaign}");
        next.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var path = next.Headers.Location!.OriginalString;
        path.ShouldStartWith("/outreach/calls/");
        return path;
    }

    [SkippableFact]
    public async Task The_demo_campaign_lists_people_with_consent_and_counts_the_one_without()
    {
        var demo = await fixture.WithDbAsync(db => db.Campaigns.SingleAsync(c => c.Name == CampaignDemo.CampaignName));
        demo.Status.ShouldBe(CampaignStatus.Running);
        demo.TargetCount.ShouldBe(9);
        demo.HiddenCount.ShouldBe(1);
        var page = await (await SignedInAsync(Roles.Coordinator)).GetStringAsync(new Uri("/outreach/campaigns/" + demo.Id, UriKind.Relative));
        page.ShouldContain("Comment vous sentez-vous en ce moment ?");
        page.ShouldNotContain("Joly");
    }

    [SkippableFact]
    public async Task A_coordinator_prepares_a_campaign_whose_bad_settings_change_nothing_then_starts_and_pauses_it()
    {
        var lead = await SignedInAsync(Roles.Coordinator);
        var before = await fixture.WithDbAsync(db => db.Campaigns.CountAsync());
        var bad = await lead.PostFormAsync("/outreach/campaigns/edit",
        [
            new("Name", ""), new("PurposeCode", "outreach-calls"), new("Introduction", "Bonjour"), new("Closing", "Merci"),
            new("QuestionText[0]", "Avez-vous chaud ?"), new("QuestionKind[0]", "YesNo"),
            new("QuestionText[1]", "Où dormez-vous ?"), new("QuestionKind[1]", "Choice"), new("QuestionChoices[1]", "Chambre"),
            new("RetryAfterHours", "0"), new("MaxAttempts", "3"), new("ReservationMinutes", "15"),
        ]);
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = await bad.Content.ReadAsStringAsync();
        errors.ShouldContain("href=\"#Name\"");
        errors.ShouldContain("href=\"#QuestionText_1\"");
        errors.ShouldContain("href=\"#RetryAfterHours\"");
        (await fixture.WithDbAsync(db => db.Campaigns.CountAsync())).ShouldBe(before);

        var saved = await lead.PostFormAsync("/outreach/campaigns/edit",
        [
            new("Name", "Canicule — personnes handicapées"), new("PurposeCode", "outreach-calls"), new("Ground", "Disability"),
            new("Introduction", "Bonjour, la mairie prend de vos nouvelles pendant la canicule."), new("Closing", "Buvez régulièrement. Merci !"),
            new("QuestionText[0]", "Avez-vous chaud chez vous ?"), new("QuestionKind[0]", "YesNo"),
            new("QuestionText[1]", "Combien de verres d’eau aujourd’hui ?"), new("QuestionKind[1]", "Number"),
            new("QuestionText[2]", "Pièce la plus fraîche ?"), new("QuestionKind[2]", "Choice"), new("QuestionChoices[2]", "Chambre; Salon; Cave"),
            new("RetryAfterHours", "2"), new("MaxAttempts", "3"), new("ReservationMinutes", "15"),
        ]);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, System.Text.RegularExpressions.Regex.Match(await saved.Content.ReadAsStringAsync(), "role=\"alert\"[\\s\\S]{0,600}").Value);
        var path = saved.Headers.Location!.OriginalString;
        var draft = await lead.GetStringAsync(new Uri(path, UriKind.Relative));
        draft.ShouldContain("Salon");
        var id = Guid.Parse(path.Split('/').Last());

        (await lead.PostFormAsync(path, [], path + "?handler=Move&to=Running")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var running = await fixture.WithDbAsync(db => db.Campaigns.SingleAsync(c => c.Id == id));
        running.Status.ShouldBe(CampaignStatus.Running);
        running.TargetCount.ShouldBe(1);
        running.Script.Questions.Select(q => q.Kind).ShouldBe([ScriptAnswerKind.YesNo, ScriptAnswerKind.Number, ScriptAnswerKind.Choice]);
        running.Script.Questions[2].Choices.ShouldBe(["Chambre", "Salon", "Cave"]);

        (await lead.PostFormAsync(path, [], path + "?handler=Move&to=Paused")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var agent = await SignedInAsync(Roles.Agent);
        var next = await agent.PostFormAsync("/outreach/calls", [], $"/outreach/calls?handler=Next&campaignId={id}");
        next.Headers.Location!.OriginalString.ShouldBe("/outreach/calls");
        (await agent.GetAsync(new Uri(path, UriKind.Relative))).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task A_caller_takes_the_next_call_sees_only_what_the_script_needs_files_a_referral_and_records_the_outcome()
    {
        var campaign = await DemoCampaignAsync();
        var agent = await SignedInAsync(Roles.Agent);
        (await agent.GetStringAsync(new Uri("/outreach/calls", UriKind.Relative))).ShouldContain(CampaignDemo.CampaignName);
        var sheetPath = await NextCallAsync(agent, campaign);
        var sheet = await agent.GetStringAsync(new Uri(sheetPath, UriKind.Relative));
        sheet.ShouldContain("tel:04782011");
        sheet.ShouldContain("Comment vous sentez-vous en ce moment ?");
        foreach (var street in new[] { "rue des Lilas", "avenue du Port", "impasse Bellevue", "rue Saint-Éloi", "place des Tanneurs", "chemin des Coteaux", "allée de la Roseraie", "boulevard des Quatre-Vents", "rue du Centre" })
        {
            sheet.ShouldNotContain(street);
        }

        // Another caller and a non-caller cannot open it.
        var resident = await SignedInAsync(Roles.Resident);
        (await resident.GetAsync(new Uri(sheetPath, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var orientator = await SignedInAsync(Roles.Orientator);
        (await orientator.GetAsync(new Uri("/outreach/calls", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await orientator.GetAsync(new Uri(sheetPath, UriKind.Relative))).StatusCode.ShouldNotBe(HttpStatusCode.OK);

        var callId = Guid.Parse(sheetPath.Split('/').Last());
        var referral = await agent.PostFormAsync(sheetPath,
            [new("Category", "Isolation"), new("Urgency", "Soon"), new("Details", "Vit seule depuis l’automne, ne sort plus."), new("ConsentToShare", "true")],
            sheetPath + "?handler=Referral");
        referral.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var filed = await fixture.WithDbAsync(db => db.Referrals.Where(r => r.CallId == callId).Select(r => new { r.Category, r.CampaignId, r.ConsentToShare }).SingleAsync());
        filed.Category.ShouldBe(NeedCategory.Isolation);
        filed.CampaignId.ShouldBe(campaign);
        filed.ConsentToShare.ShouldBeTrue();

        var noDate = await agent.PostFormAsync(sheetPath, [new("Outcome", "CallBack")], sheetPath + "?handler=Record");
        noDate.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await noDate.Content.ReadAsStringAsync()).ShouldContain("href=\"#CallBackAt\"");

        var recorded = await agent.PostFormAsync(sheetPath,
            [new("Outcome", "Reached"), new("Answers[0]", "Moyennement"), new("Answers[1]", "no"), new("Answers[2]", "1"), new("Answers[3]", "Les courses"), new("Notes", "Préfère être appelée le matin.")],
            sheetPath + "?handler=Record");
        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var call = await fixture.WithDbAsync(db => db.CallRecords.Where(c => c.Id == callId).Select(c => new { c.Outcome, c.AnswersJson, c.TargetId }).SingleAsync());
        call.Outcome.ShouldBe(CallOutcome.Reached);
        call.AnswersJson.ShouldBe("[\"Moyennement\",\"no\",\"1\",\"Les courses\"]");
        var target = await fixture.WithDbAsync(db => db.CallTargets.Where(t => t.Id == call.TargetId).Select(t => new { t.Status, t.Complex }).SingleAsync());
        target.Status.ShouldBe(CallTargetStatus.Waiting);
        target.Complex.ShouldBeTrue();
        (await agent.GetAsync(new Uri(sheetPath, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task The_dashboard_counts_calls_and_the_export_has_personal_data_only_for_a_coordinator_who_asks()
    {
        var campaign = await DemoCampaignAsync();
        var resident = await SignedInAsync(Roles.Resident);
        var sheetPath = await NextCallAsync(resident, campaign);
        (await resident.PostFormAsync(sheetPath, [new("Outcome", "NoAnswer")], sheetPath + "?handler=Record")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var lead = await SignedInAsync(Roles.Coordinator);
        var dashboard = await lead.GetStringAsync(new Uri($"/outreach/campaigns/{campaign}/dashboard", UriKind.Relative));
        dashboard.ShouldContain("Rose Résidente");
        var anonymous = await lead.GetStringAsync(new Uri($"/outreach/campaigns/{campaign}/dashboard?handler=Csv", UriKind.Relative));
        anonymous.ShouldStartWith("call,ended_at_utc,outcome,attempt,late,call_back_at_utc,referral\n");
        anonymous.ShouldContain(",NoAnswer,1,no,,");
        anonymous.ShouldNotContain("04 78 20 11");
        var named = await lead.GetStringAsync(new Uri($"/outreach/campaigns/{campaign}/dashboard?handler=Csv&personal=true", UriKind.Relative));
        named.ShouldContain("last_name,first_name,phone,answers,notes");
        named.ShouldContain("04 78 20 11");

        (await resident.GetAsync(new Uri($"/outreach/campaigns/{campaign}/dashboard?handler=Csv&personal=true", UriKind.Relative))).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        var agent = await SignedInAsync(Roles.Agent);
        (await agent.GetAsync(new Uri($"/outreach/campaigns/{campaign}/dashboard", UriKind.Relative))).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task The_supervisor_sees_who_calls_whom_and_enrols_a_caller_by_e_mail()
    {
        var campaign = await DemoCampaignAsync();
        var agent = await SignedInAsync(Roles.Agent);
        await NextCallAsync(agent, campaign);
        var lead = await SignedInAsync(Roles.Coordinator);
        var live = await lead.GetStringAsync(new Uri("/outreach/callers/live", UriKind.Relative));
        live.ShouldContain("Antoine Agent");
        live.ShouldContain(CampaignDemo.CampaignName);

        var unknown = await lead.PostFormAsync("/outreach/callers", [new("Email", "personne@valbrune.example"), new("Level", "Beginner"), new("Kind", "Reserve")]);
        unknown.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("href=\"#Email\"");
        var enrolled = await lead.PostFormAsync("/outreach/callers", [new("Email", Demo.Email(Roles.Orientator)), new("Level", "Experienced"), new("Kind", "Staff")]);
        enrolled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await lead.GetStringAsync(new Uri("/outreach/callers", UriKind.Relative))).ShouldContain("Olivia Orientatrice");
        var orientator = await SignedInAsync(Roles.Orientator);
        (await orientator.GetAsync(new Uri("/outreach/calls", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class CampaignPagesSqliteTests(SqliteApp fixture) : CampaignPagesTests(fixture), IClassFixture<SqliteApp>;

public sealed class CampaignPagesPostgreSqlTests(PostgreSqlApp fixture) : CampaignPagesTests(fixture), IClassFixture<PostgreSqlApp>;
