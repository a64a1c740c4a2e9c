using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.DataTrust.Consents;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.DataTrust.Domain;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.DataTrust;

/// <summary>The rules of an exceptional use, on their own.</summary>
public sealed class ExceptionalUseRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_decision_needs_reasons_and_a_board_member_other_than_the_requester_and_happens_once()
    {
        var use = ExceptionalUse.Request(Valid(), 1, "agent-1", Now);

        Should.Throw<ArgumentException>(() => use.Approve("dpo-1", " ", Now));
        Should.Throw<InvalidOperationException>(() => use.Approve("agent-1", "Urgence sanitaire.", Now));
        use.Approve("dpo-1", "Urgence sanitaire, périmètre limité.", Now);
        Should.Throw<InvalidOperationException>(() => use.Refuse("dpo-1", "Finalement non.", Now));

        use.Status.ShouldBe(ExceptionalUseStatus.Approved);
        use.Reference.ShouldBe("exceptional-2026-0001");
    }

    [Fact]
    public void An_approval_is_in_force_only_within_its_period_and_until_revoked()
    {
        var use = ExceptionalUse.Request(Valid(), 7, "agent-1", Now);
        use.Approve("dpo-1", "Urgence.", Now);

        use.IsInForce(Now.AddDays(-1)).ShouldBeFalse();
        use.IsInForce(Now).ShouldBeTrue();
        use.IsInForce(Now.AddDays(13)).ShouldBeTrue();
        use.IsInForce(Now.AddDays(14)).ShouldBeFalse();
        use.Revoke("dpo-1", "Crise terminée.", Now.AddDays(2));
        use.IsInForce(Now.AddDays(3)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("", "Title")]
    [InlineData("short", "Justification")]
    [InlineData("0", "PeopleConcerned")]
    [InlineData("past", "StartsOn")]
    [InlineData("too-long", "EndsOn")]
    public void A_request_with_a_missing_or_impossible_term_is_refused_naming_the_field(string fault, string field)
    {
        var request = fault switch
        {
            "" => Valid() with { Title = "" },
            "short" => Valid() with { Justification = "Parce que." },
            "0" => Valid() with { PeopleConcerned = 0 },
            "past" => Valid() with { StartsOn = new DateOnly(2026, 11, 30) },
            _ => Valid() with { EndsOn = new DateOnly(2027, 3, 15) },
        };

        request.Validate(DateOnly.FromDateTime(Now)).Select(e => e.Field).ShouldBe([field]);
    }

    internal static ExceptionalUseRequest Valid() => new(
        "Appeler les inscrits du registre canicule pour la vaccination", "Campagne de vaccination d’urgence décidée par l’agence régionale de santé.",
        "heatwave-register", "Identité\nTéléphone", "Inscrits au registre canicule du quartier du Port", 312,
        new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 14));
}

/// <summary>Requests, decisions by the data board, the access service and the public page, once per database.</summary>
public abstract class ExceptionalUseFlowTests(AppFixture fixture)
{
    [SkippableFact]
    public async Task An_agent_requests_the_board_approves_with_reasons_reads_are_allowed_and_the_use_is_published_without_names()
    {
        var app = await fixture.AppAsync();
        var agent = app.CreateBrowserLikeClient();
        await agent.SignInAsync(Demo.Email(Roles.Agent), Demo.Password);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var bad = await agent.PostFormAsync("/data-trust/exceptional-uses/request", (Form(today) with { Justification = "Vite." }).Fields());
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("href=\"#Justification\"");
        (await fixture.WithDbAsync(db => db.ExceptionalUses.CountAsync(u => u.Title == Form(today).Title))).ShouldBe(0);

        var sent = await agent.PostFormAsync("/data-trust/exceptional-uses/request", Form(today).Fields());
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var usePath = sent.Headers.Location!.OriginalString;
        var use = await fixture.WithDbAsync(db => db.ExceptionalUses.SingleAsync(u => u.Title == Form(today).Title));
        use.Status.ShouldBe(ExceptionalUseStatus.Pending);
        (await ReadAsync(app, use.Reference)).Reason.ShouldBe(AccessReason.ExceptionalUseNotInForce);

        var selfApproval = await agent.PostFormAsync(usePath, [new("Reasons", "Je m’autorise.")], usePath + "?handler=Approve");
        selfApproval.Headers.Location!.OriginalString.ShouldContain("/account/access-denied");
        (await fixture.WithDbAsync(db => db.ExceptionalUses.SingleAsync(u => u.Id == use.Id))).Status.ShouldBe(ExceptionalUseStatus.Pending);

        var dpo = app.CreateBrowserLikeClient();
        await dpo.SignInAsync(Demo.Email(Roles.DataProtectionOfficer), Demo.Password);
        (await dpo.PostFormAsync(usePath, [new("Reasons", "")], usePath + "?handler=Approve")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var approved = await dpo.PostFormAsync(usePath, [new("Reasons", "Urgence sanitaire ; périmètre limité au quartier du Port.")], usePath + "?handler=Approve");
        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await ReadAsync(app, use.Reference)).ShouldBe(new AccessDecision(true, AccessReason.ExceptionalUseApproved, ConsentState.NotAsked));
        var anonymous = app.CreateBrowserLikeClient();
        var page = await anonymous.GetStringAsync(new Uri("/data-trust/transparency", UriKind.Relative));
        page.ShouldContain(Form(today).Title);
        page.ShouldContain("Urgence sanitaire ; périmètre limité au quartier du Port.");
        page.ShouldContain("Denis Délégué");
        page.ShouldContain("312");
        page.ShouldNotContain("Antoine Agent");

        var revoked = await dpo.PostFormAsync(usePath, [new("Reasons", "La campagne est terminée.")], usePath + "?handler=Revoke");
        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ReadAsync(app, use.Reference)).Reason.ShouldBe(AccessReason.ExceptionalUseNotInForce);
    }

    [SkippableFact]
    public async Task A_designated_member_decides_on_the_board_until_the_officer_removes_them()
    {
        var app = await fixture.AppAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var agent = app.CreateBrowserLikeClient();
        await agent.SignInAsync(Demo.Email(Roles.Agent), Demo.Password);
        var form = Form(today) with { Title = "Croiser le registre avec la liste des bénévoles" };
        var usePath = (await agent.PostFormAsync("/data-trust/exceptional-uses/request", form.Fields())).Headers.Location!.OriginalString;

        var elected = app.CreateBrowserLikeClient();
        await elected.SignInAsync(Demo.Email(Roles.DecisionMaker), Demo.Password);
        (await elected.GetAsync(new Uri(usePath, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var dpo = app.CreateBrowserLikeClient();
        await dpo.SignInAsync(Demo.Email(Roles.DataProtectionOfficer), Demo.Password);
        (await dpo.PostFormAsync("/data-trust/board", [new("Email", "inconnu@valbrune.example")], "/data-trust/board?handler=Add")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await dpo.PostFormAsync("/data-trust/board", [new("Email", Demo.Email(Roles.DecisionMaker))], "/data-trust/board?handler=Add")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await elected.GetStringAsync(new Uri(usePath, UriKind.Relative))).ShouldContain("Approuver");
        var refused = await elected.PostFormAsync(usePath, [new("Reasons", "Aucune base ne justifie ce croisement.")], usePath + "?handler=Refuse");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await fixture.WithDbAsync(db => db.ExceptionalUses.SingleAsync(u => u.Title == form.Title))).Status.ShouldBe(ExceptionalUseStatus.Refused);

        var userId = await fixture.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Email(Roles.DecisionMaker)).Select(u => u.Id).SingleAsync());
        (await dpo.PostFormAsync("/data-trust/board", [new("userId", userId)], "/data-trust/board?handler=Remove")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await elected.GetAsync(new Uri(usePath, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<AccessDecision> ReadAsync(ReflexesAppFactory app, string reference)
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(app.Services);
        var services = scope.ServiceProvider;
        var ledger = (ConsentLedger)services.GetService(typeof(ConsentLedger))!;
        var access = (PersonalDataAccess)services.GetService(typeof(PersonalDataAccess))!;
        var subject = await ledger.SubjectOfUserAsync("subject-of-" + reference, default);
        var reader = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "agent-reader")], "test"));
        return await access.AuthoriseAsync(new AccessRequest(subject.Id, reference, "outreach.call-sheet", "registrant/1"), reader, default);
    }

    private static RequestForm Form(DateOnly today) => new(
        "Appeler les inscrits pour la vaccination", "Campagne de vaccination d’urgence décidée par l’agence régionale de santé.",
        "heatwave-register", "Identité\nTéléphone", "Inscrits du registre canicule au Port", "312",
        today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), today.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private sealed record RequestForm(string Title, string Justification, string Source, string Categories, string Scope, string People, string Starts, string Ends)
    {
        public KeyValuePair<string, string>[] Fields() =>
        [
            new("Title", Title), new("Justification", Justification), new("SourcePurposeCode", Source), new("DataCategories", Categories),
            new("Scope", Scope), new("PeopleConcerned", People), new("StartsOn", Starts), new("EndsOn", Ends),
        ];
    }
}

public sealed class ExceptionalUseFlowSqliteTests(SqliteApp fixture) : ExceptionalUseFlowTests(fixture), IClassFixture<SqliteApp>;

public sealed class ExceptionalUseFlowPostgreSqlTests(PostgreSqlApp fixture) : ExceptionalUseFlowTests(fixture), IClassFixture<PostgreSqlApp>;
