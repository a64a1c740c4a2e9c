using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Modules.Outreach.Referrals;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.Outreach;

/// <summary>Escalation of late referrals, the dashboard, the export rule and the person's rights, once per database.</summary>
public abstract class OrientationFiguresTests(AppFixture fixture)
{
    [SkippableFact]
    public async Task Escalation_records_each_late_deadline_once_even_when_two_instances_run_at_the_same_moment()
    {
        var app = await fixture.AppAsync();
        // The demo's urgent CCAS referral is two days old: the seed already escalated both its deadlines.
        (await fixture.WithDbAsync(db => db.ReferralEvents.CountAsync(e => e.ActorUserId == ReferralEvent.EscalationActor))).ShouldBe(2);
        var later = DateTime.UtcNow.AddDays(40);

        async Task<int> RunAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ReferralRecords>().EscalateOverdueAsync(later, default);
        }

        var counts = await Task.WhenAll(RunAsync(), RunAsync(), RunAsync());
        (await RunAsync()).ShouldBe(0);

        var escalations = await fixture.WithDbAsync(db => db.ReferralEvents.Where(e => e.ActorUserId == ReferralEvent.EscalationActor)
            .Select(e => new { e.ReferralId, e.Kind }).ToListAsync());
        escalations.GroupBy(e => (e.ReferralId, e.Kind)).ShouldAllBe(g => g.Count() == 1);
        var open = await fixture.WithDbAsync(db => db.Referrals.CountAsync(r => r.Status != ReferralStatus.Closed));
        var unacknowledged = await fixture.WithDbAsync(db => db.Referrals.CountAsync(r => r.Status != ReferralStatus.Closed && r.AcknowledgedAtUtc == null));
        escalations.Count(e => e.Kind == ReferralEventKind.ClosureEscalated).ShouldBe(open);
        escalations.Count(e => e.Kind == ReferralEventKind.AcknowledgementEscalated).ShouldBe(unacknowledged);
        counts.Sum().ShouldBe(escalations.Count - 2);
        (await fixture.WithDbAsync(db => db.Referrals.CountAsync(r => r.Status == ReferralStatus.Closed && r.ClosureEscalatedAtUtc != null))).ShouldBe(0);

        var orientator = app.CreateBrowserLikeClient();
        await orientator.SignInAsync(Demo.Email(Roles.Orientator), Demo.Password);
        var queue = await orientator.GetStringAsync(new Uri("/outreach/orientation", UriKind.Relative));
        queue.ShouldContain("Perrin Marcel");
        queue.ShouldContain("prise en compte attendue avant");
    }

    [SkippableFact]
    public async Task The_dashboard_counts_by_category_and_service_and_shows_late_referrals_without_names()
    {
        var app = await fixture.AppAsync();
        var coordinator = app.CreateBrowserLikeClient();
        await coordinator.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);
        var page = await coordinator.GetStringAsync(new Uri("/outreach/orientation/dashboard", UriKind.Relative));
        page.ShouldContain("Banque alimentaire du Valbrunois");
        page.ShouldContain("Alimentation");
        page.ShouldContain("Jusqu’à la clôture");
        page.ShouldNotContain("Perrin");
        page.ShouldNotContain("Facture d’électricité");
        page.ShouldNotContain("/outreach/orientation/" + await IdOfAsync("Facture d’électricité"));
    }

    [SkippableFact]
    public async Task The_export_holds_personal_data_only_for_an_orientator_naming_the_referral_purpose_and_only_shared_details()
    {
        var app = await fixture.AppAsync();
        var coordinator = app.CreateBrowserLikeClient();
        await coordinator.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);
        var orientator = app.CreateBrowserLikeClient();
        await orientator.SignInAsync(Demo.Email(Roles.Orientator), Demo.Password);
        const string export = "/outreach/orientation/dashboard?handler=Export";

        foreach (var (client, purpose) in new[] { (coordinator, "outreach-calls"), (orientator, ""), (orientator, "civic-reserve-matching") })
        {
            var response = await client.GetAsync(new Uri(export + "&purpose=" + purpose, UriKind.Relative));
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
            var csv = await response.Content.ReadAsStringAsync();
            csv.ShouldContain("filed_at,category,urgency,neighbourhood,service,status");
            csv.ShouldNotContain("person");
            csv.ShouldNotContain("Cartier");
            csv.ShouldNotContain("04 78");
            csv.ShouldNotContain("Frigo vide");
            csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBeGreaterThanOrEqualTo(6); // a header and the demo referrals
        }

        var auditBefore = await fixture.WithDbAsync(async db => await (await db.IntegratedAuditAsync()).CountAsync(e => e.Action == "outreach.referral-export"));
        var personal = await (await orientator.GetAsync(new Uri(export + "&purpose=outreach-calls", UriKind.Relative))).Content.ReadAsStringAsync();
        personal.ShouldContain("reference,filed_at");
        personal.ShouldContain(",person,phone,details");
        personal.ShouldContain("Yvonne Cartier,04 78 20 31 42,\"Frigo vide, ne peut plus porter ses courses depuis sa chute.\"");
        personal.ShouldContain("André Masson,04 78 20 97 08,\r\n"); // no consent to share: name to call back, not what was said
        personal.ShouldNotContain("Hésite à demander");
        (await fixture.WithDbAsync(async db => await (await db.IntegratedAuditAsync()).CountAsync(e => e.Action == "outreach.referral-export")))
            .ShouldBeGreaterThan(auditBefore);
    }

    [SkippableFact]
    public async Task A_persons_referrals_are_in_their_data_portfolio_and_erased_with_their_history()
    {
        var app = await fixture.AppAsync();
        var subject = await fixture.WithDbAsync(db => db.Referrals.Where(r => r.Details.StartsWith("Aimerait une visite")).Select(r => r.SubjectId).SingleAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var holder = scope.ServiceProvider.GetServices<IPersonalDataHolder>().OfType<ReferralHolder>().Single();
        var dpo = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "dpo")], "test"));
        await scope.ServiceProvider.GetRequiredService<PersonalDataAccess>().AuthoriseForDataSubjectRightsAsync(subject, "test.rights", dpo, default);

        var held = await holder.DescribeAsync(new SubjectRef(subject, null), default);
        held.Count.ShouldBe(1);
        held.SelectMany(h => h.Fields).ShouldContain(f => f.Key == "details" && f.Value == "Aimerait une visite régulière.");
        held.SelectMany(h => h.Fields).ShouldContain(f => f.Key == "history" && f.Value!.Contains("Closed: Une bénévole passe le jeudi après-midi."));

        var erased = await holder.EraseAsync(new SubjectRef(subject, null), default);
        erased.Erased.ShouldBe(1);
        (await fixture.WithDbAsync(db => db.Referrals.CountAsync(r => r.SubjectId == subject))).ShouldBe(0);
        (await fixture.WithDbAsync(db => db.ReferralEvents.CountAsync(e => e.SubjectId == subject))).ShouldBe(0);
    }

    [SkippableFact]
    public async Task Loading_a_referral_without_the_access_service_fails()
    {
        var app = await fixture.AppAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Reflexes.Web.Platform.Data.ReflexesDbContext>();
        await Should.ThrowAsync<PersonalDataAccessException>(() => db.Referrals.FirstAsync());
        await Should.ThrowAsync<PersonalDataAccessException>(() => db.ReferralEvents.FirstAsync());
    }

    private async Task<Guid> IdOfAsync(string detailsStart) =>
        await fixture.WithDbAsync(db => db.Referrals.Where(r => r.Details.StartsWith(detailsStart)).Select(r => r.Id).SingleAsync());
}

public sealed class OrientationFiguresSqliteTests(SqliteApp fixture) : OrientationFiguresTests(fixture), IClassFixture<SqliteApp>;

public sealed class OrientationFiguresPostgreSqlTests(PostgreSqlApp fixture) : OrientationFiguresTests(fixture), IClassFixture<PostgreSqlApp>;
