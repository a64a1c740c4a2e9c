using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reflexes.Testing;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Modules.Outreach.Referrals;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Tests.Outreach;

/// <summary>The escalation job as the app runs it, with deadlines and interval shortened by configuration.</summary>
public sealed class ReferralEscalationJobTests
{
    [SkippableTheory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task The_running_app_escalates_a_referral_whose_configured_deadline_passed_exactly_once(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var app = new ReflexesAppFactory(database, new Dictionary<string, string?>
        {
            ["Referrals:EscalationInterval"] = "00:00:00.200",
            ["Referrals:Deadlines:UrgentAcknowledge"] = "00:00:01",
            ["Referrals:Deadlines:UrgentClose"] = "01:00:00",
        });
        _ = app.Server;

        Guid id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReflexesDbContext>();
            var registrant = await db.Registrants.Where(r => r.LastName == "Leroy").Select(r => r.Id).SingleAsync();
            var agentId = await db.Users.Where(u => u.Email == "agent@valbrune.example").Select(u => u.Id).SingleAsync();
            var agent = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, agentId)], "test"));
            var referral = await scope.ServiceProvider.GetRequiredService<ReferralDesk>()
                .FileAsync(new ReferralFiling(registrant, null, null, NeedCategory.Health, ReferralUrgency.Urgent, "Chute dans l’escalier.", true), agent, default);
            id = referral!.Id;
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        var escalations = 0;
        while (escalations == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            await using var scope = app.Services.CreateAsyncScope();
            escalations = await scope.ServiceProvider.GetRequiredService<ReflexesDbContext>().ReferralEvents
                .CountAsync(e => e.ReferralId == id && e.Kind == ReferralEventKind.AcknowledgementEscalated);
        }

        escalations.ShouldBe(1);
        await Task.Delay(1000); // several more runs of the job
        await using var check = app.Services.CreateAsyncScope();
        var db2 = check.ServiceProvider.GetRequiredService<ReflexesDbContext>();
        (await db2.ReferralEvents.CountAsync(e => e.ReferralId == id && e.Kind == ReferralEventKind.AcknowledgementEscalated)).ShouldBe(1);
        (await db2.ReferralEvents.CountAsync(e => e.ReferralId == id && e.Kind == ReferralEventKind.ClosureEscalated)).ShouldBe(0);
    }

    [Fact]
    public void A_deadline_setting_that_makes_no_sense_stops_the_app_with_a_clear_message()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Referrals:Deadlines:NormalClose"] = "1.00:00:00" }).Build());
        services.AddReferrals();
        using var provider = services.BuildServiceProvider();

        Should.Throw<InvalidOperationException>(() => provider.GetRequiredService<ReferralDeadlines>())
            .Message.ShouldBe("Referrals:Deadlines: NormalClose must not come before NormalAcknowledge.");
    }
}
