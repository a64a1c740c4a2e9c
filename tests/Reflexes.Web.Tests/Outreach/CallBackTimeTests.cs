using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reflexes.Testing;
using Reflexes.Web.Modules.Outreach.Campaigns;
using Reflexes.Web.Modules.Territory;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.Outreach;

/// <summary>
/// A call-back time typed by a caller is the territory's local time (Europe/Paris in the demo) whatever the
/// server's zone: stored in UTC with the offset of that date, across the spring change, and shown back as typed.
/// </summary>
public abstract class CallBackTimeTests(DatabaseKind kind)
{
    [SkippableFact]
    public async Task Call_back_times_typed_either_side_of_the_spring_clock_change_are_stored_with_that_days_offset_and_shown_back_as_typed()
    {
        // Friday 27 March 2026, 10:00 in Paris; clocks go forward on Sunday 29 March at 02:00.
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 27, 9, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var app = new ReflexesAppFactory(database);
        await using var onClock = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var agent = onClock.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("http://localhost") });
        (await agent.SignInAsync(Demo.Email(Modules.Access.Domain.Roles.Agent), Demo.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Guid campaign;
        using (var scope = onClock.Services.CreateScope())
        {
            campaign = await scope.ServiceProvider.GetRequiredService<ReflexesDbContext>().Campaigns.Where(c => c.Name == CampaignDemo.CampaignName).Select(c => c.Id).SingleAsync();
        }

        var winter = await CallBackAsync(agent, campaign, "2026-03-28T10:00");
        var summer = await CallBackAsync(agent, campaign, "2026-03-30T10:00");

        using var check = onClock.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<ReflexesDbContext>();
        (await db.CallRecords.Where(c => c.Id == winter.Call).Select(c => c.CallBackAtUtc).SingleAsync()).ShouldBe(new DateTime(2026, 3, 28, 9, 0, 0, DateTimeKind.Utc));
        (await db.CallRecords.Where(c => c.Id == summer.Call).Select(c => c.CallBackAtUtc).SingleAsync()).ShouldBe(new DateTime(2026, 3, 30, 8, 0, 0, DateTimeKind.Utc));
        winter.Workspace.ShouldContain("Rappel prévu le samedi 28 mars 2026 10:00.");
        summer.Workspace.ShouldContain("Rappel prévu le lundi 30 mars 2026 10:00.");
    }

    private static async Task<(Guid Call, string Workspace)> CallBackAsync(HttpClient agent, Guid campaign, string typed)
    {
        var next = await agent.PostFormAsync("/outreach/calls", [], $"/outreach/calls?handler=Next&campaignId={campaign}");
        next.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var sheet = next.Headers.Location!.OriginalString;
        var recorded = await agent.PostFormAsync(sheet, [new("Outcome", "CallBack"), new("CallBackAt", typed)], sheet + "?handler=Record");
        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var workspace = WebUtility.HtmlDecode(await agent.GetStringAsync(new Uri("/outreach/calls", UriKind.Relative)));
        return (Guid.Parse(sheet["/outreach/calls/".Length..]), workspace);
    }
}

public sealed class CallBackTimeTests_OnSqlite() : CallBackTimeTests(DatabaseKind.Sqlite);

public sealed class CallBackTimeTests_OnPostgreSql() : CallBackTimeTests(DatabaseKind.PostgreSql);

/// <summary>The territory's time zone on its own: the spring gap and the autumn repeat.</summary>
public sealed class TerritoryTimeTests
{
    private static readonly TerritoryTime Paris = new(new ConfigurationBuilder().Build());

    [Fact]
    public void Wall_clock_times_convert_with_the_offset_of_their_own_date()
    {
        Paris.ToUtc(new DateTime(2026, 3, 28, 10, 0, 0)).ShouldBe(new DateTime(2026, 3, 28, 9, 0, 0, DateTimeKind.Utc));
        Paris.ToUtc(new DateTime(2026, 3, 30, 10, 0, 0)).ShouldBe(new DateTime(2026, 3, 30, 8, 0, 0, DateTimeKind.Utc));
        Paris.ToLocal(new DateTime(2026, 3, 30, 8, 0, 0, DateTimeKind.Utc)).ShouldBe(new DateTime(2026, 3, 30, 10, 0, 0));
    }

    [Fact]
    public void A_time_skipped_in_spring_is_read_after_the_change_and_a_time_repeated_in_autumn_as_its_first_occurrence()
    {
        // 02:30 does not exist on 29 March 2026 in Paris: it is the same moment as 03:30 CEST.
        Paris.ToUtc(new DateTime(2026, 3, 29, 2, 30, 0)).ShouldBe(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc));
        // 02:30 happens twice on 25 October 2026: first at +02:00.
        Paris.ToUtc(new DateTime(2026, 10, 25, 2, 30, 0)).ShouldBe(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void An_unknown_time_zone_stops_the_app_with_a_clear_message()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Territory:TimeZone"] = "Europe/Valbrune" }).Build();
        Should.Throw<InvalidOperationException>(() => new TerritoryTime(configuration)).Message.ShouldContain("Europe/Valbrune");
    }
}
