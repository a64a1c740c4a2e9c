using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Campaigns;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Modules.Outreach.Referrals;
using Reflexes.Web.Modules.Outreach.Registry;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.Outreach;

/// <summary>Two registrations of the same person merged from the register, through the pages, once per database.</summary>
public abstract class RegistryMergeTests(AppFixture fixture)
{
    private Task<Registrant> RegisterAsync(string first, string last, string phone, params string[] purposes) =>
        RegisterAsync(first, last, phone, new DateOnly(1937, 2, 14), EligibilityGround.Age65Plus, purposes);

    private async Task<Registrant> RegisterAsync(string first, string last, string phone, DateOnly birth, EligibilityGround ground, params string[] purposes)
    {
        var app = await fixture.AppAsync();
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDesk>().RegisterAsync(
            new RegistrantDetails(first, last, birth, "4 impasse des Tanneurs", null, phone, null, null, ground),
            RegisteredBy.Self, null, ConsentChannel.Phone, purposes, "agent-1", default);
    }

    [SkippableFact]
    public async Task An_agent_finds_the_same_person_chooses_fields_and_merges_keeping_both_consents_the_referral_and_the_history()
    {
        var app = await fixture.AppAsync();
        var kept = await RegisterAsync("Germaine", "Tassin", "04 78 61 62 63", RegistryDesk.Purpose);
        var other = await RegisterAsync("GERMAINE", "TASSIN-VIDAL", "06 11 22 33 44", RegistryDesk.Purpose, CampaignDesk.DefaultPurpose);
        var bystander = await RegisterAsync("Germain", "Tassel", "04 78 00 00 01", RegistryDesk.Purpose);
        Guid referralId;
        using (var scope = app.Services.CreateScope())
        {
            var agentId = await scope.ServiceProvider.GetRequiredService<ReflexesDbContext>().Users.Where(u => u.Email == Demo.Email(Roles.Agent)).Select(u => u.Id).SingleAsync();
            var agentUser = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, agentId)], "test"));
            var filed = await scope.ServiceProvider.GetRequiredService<ReferralDesk>()
                .FileAsync(new ReferralFiling(other.Id, null, null, NeedCategory.Food, ReferralUrgency.Normal, "Frigo vide.", true), agentUser, default);
            referralId = filed!.Id;
        }

        var agent = app.CreateBrowserLikeClient();
        await agent.SignInAsync(Demo.Email(Roles.Agent), Demo.Password);
        var page = "/outreach/registry/" + kept.Id;
        (await agent.GetStringAsync(new Uri(page, UriKind.Relative))).ShouldContain("href=\"" + page + "/merge\"");
        var found = WebUtility.HtmlDecode(await agent.GetStringAsync(new Uri(page + "/merge?Q=tassin", UriKind.Relative)));
        found.ShouldContain("TASSIN-VIDAL GERMAINE");
        found.ShouldContain("?OtherId=" + other.Id);
        found.ShouldNotContain("?OtherId=" + kept.Id);
        found.ShouldNotContain("Tassel");
        var byPhone = await agent.GetStringAsync(new Uri(page + "/merge?Q=0611223344", UriKind.Relative));
        byPhone.ShouldContain("?OtherId=" + other.Id);

        var compare = WebUtility.HtmlDecode(await agent.GetStringAsync(new Uri(page + "/merge?OtherId=" + other.Id, UriKind.Relative)));
        compare.ShouldContain("name=\"Choice[Phone]\" value=\"absorbed\"");
        compare.ShouldNotContain("name=\"Choice[BirthDate]\"");

        var merged = await agent.PostFormAsync(page + "/merge?OtherId=" + other.Id,
            [new("OtherId", other.Id.ToString()), new("Choice[Phone]", "absorbed"), new("Choice[FirstName]", "kept"), new("Choice[LastName]", "kept")], page + "/merge");
        merged.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        merged.Headers.Location!.OriginalString.ShouldBe(page);

        using var check = app.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<ReflexesDbContext>();
        (await db.Registrants.AnyAsync(r => r.Id == other.Id)).ShouldBeFalse();
        (await db.Registrants.AnyAsync(r => r.Id == bystander.Id)).ShouldBeTrue();
        var survivor = await db.Registrants.Where(r => r.Id == kept.Id).Select(r => new { r.Phone, r.LastName }).SingleAsync();
        survivor.Phone.ShouldBe("06 11 22 33 44");
        survivor.LastName.ShouldBe("Tassin");
        var history = await db.RegistrantMerges.Where(m => m.RegistrantId == kept.Id).Select(m => new { m.SetAside }).SingleAsync();
        history.SetAside.ShouldContain("04 78 61 62 63");
        history.SetAside.ShouldContain("TASSIN-VIDAL");
        var consents = check.ServiceProvider.GetRequiredService<ConsentRecording>();
        (await consents.HasCurrentConsentAsync(kept.SubjectId, CampaignDesk.DefaultPurpose, default)).ShouldBeTrue();
        (await consents.HasCurrentConsentAsync(kept.SubjectId, RegistryDesk.Purpose, default)).ShouldBeTrue();
        (await consents.HasCurrentConsentAsync(other.SubjectId, CampaignDesk.DefaultPurpose, default)).ShouldBeTrue("the other record's consent history stays in the trust");
        var referral = await db.Referrals.Where(r => r.Id == referralId).Select(r => new { r.RegistrantId, r.SubjectId }).SingleAsync();
        referral.RegistrantId.ShouldBe(kept.Id);
        referral.SubjectId.ShouldBe(kept.SubjectId);
        (await db.ReferralEvents.Where(e => e.ReferralId == referralId).AllAsync(e => e.SubjectId == kept.SubjectId)).ShouldBeTrue();

        var details = WebUtility.HtmlDecode(await agent.GetStringAsync(new Uri(page, UriKind.Relative)));
        details.ShouldContain("TASSIN-VIDAL");
        (await agent.GetAsync(new Uri("/outreach/registry/" + other.Id + "/merge", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task A_merge_with_a_record_someone_is_calling_right_now_changes_nothing_and_says_why()
    {
        var app = await fixture.AppAsync();
        var kept = await RegisterAsync("Odette", "Marchal", "04 78 71 72 73", RegistryDesk.Purpose);
        var agent = app.CreateBrowserLikeClient();
        await agent.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);
        var page = "/outreach/registry/" + kept.Id + "/merge";

        var back = await RegisterAsync("Odette", "Marchal", "04 78 71 72 75", RegistryDesk.Purpose);
        using (var scope = app.Services.CreateScope())
        {
            // Someone is calling the other record right now: the merge waits.
            var db = scope.ServiceProvider.GetRequiredService<ReflexesDbContext>();
            var campaign = await db.Campaigns.Where(c => c.Name == CampaignDemo.CampaignName).Select(c => c.Id).SingleAsync();
            var caller = await db.Callers.Select(c => c.Id).FirstAsync();
            var target = CallTarget.For(campaign, back.Id, back.SubjectId, false, DateTime.UtcNow);
            db.CallTargets.Add(target);
            await db.SaveChangesAsync();
            await db.CallTargets.Where(t => t.Id == target.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.ReservedByCallerId, caller));
        }

        var inCall = await agent.PostFormAsync(page + "?OtherId=" + back.Id, [new("OtherId", back.Id.ToString())], page);
        inCall.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await inCall.Content.ReadAsStringAsync()).ShouldContain("Un appelant est en ligne avec l’autre inscription");
        using var check = app.Services.CreateScope();
        (await check.ServiceProvider.GetRequiredService<ReflexesDbContext>().Registrants.AnyAsync(r => r.Id == back.Id)).ShouldBeTrue();
    }

    [SkippableFact]
    public async Task A_choice_of_fields_that_makes_an_invalid_registration_changes_nothing_and_says_why()
    {
        var app = await fixture.AppAsync();
        var kept = await RegisterAsync("Léon", "Perrier", "04 78 81 82 83", new DateOnly(1938, 6, 1), EligibilityGround.Age65Plus, RegistryDesk.Purpose);
        var other = await RegisterAsync("Léon", "Perrier", "04 78 81 82 84", new DateOnly(1985, 6, 1), EligibilityGround.Disability, RegistryDesk.Purpose);
        var agent = app.CreateBrowserLikeClient();
        await agent.SignInAsync(Demo.Email(Roles.Agent), Demo.Password);
        var page = "/outreach/registry/" + kept.Id + "/merge";

        // The other record's birth date with this record's "65 and over": a man of 41 registered for his age.
        var refused = await agent.PostFormAsync(page + "?OtherId=" + other.Id,
            [new("OtherId", other.Id.ToString()), new("Choice[BirthDate]", "absorbed"), new("Choice[Ground]", "kept")], page);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).ShouldContain("Les valeurs choisies ne forment pas une inscription valable");
        using var check = app.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<ReflexesDbContext>();
        (await db.Registrants.AnyAsync(r => r.Id == other.Id)).ShouldBeTrue();
        (await db.Registrants.Where(r => r.Id == kept.Id).Select(r => r.BirthDate).SingleAsync()).ShouldBe(new DateOnly(1938, 6, 1));
        (await db.RegistrantMerges.AnyAsync(m => m.RegistrantId == kept.Id)).ShouldBeFalse();
    }
}

public sealed class RegistryMergeTests_OnSqlite(SqliteApp fixture) : RegistryMergeTests(fixture), IClassFixture<SqliteApp>;

public sealed class RegistryMergeTests_OnPostgreSql(PostgreSqlApp fixture) : RegistryMergeTests(fixture), IClassFixture<PostgreSqlApp>;
