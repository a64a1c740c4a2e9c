using System.Security.Claims;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reflexes.Testing;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Modules.Outreach.Registry;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Tests.Outreach;

/// <summary>The running app erases third parties' requests left unconfirmed for three months, on the app's clock.</summary>
public abstract class UnconfirmedRequestsJobTests(DatabaseKind kind)
{
    [SkippableFact]
    public async Task Requests_unconfirmed_for_three_months_are_erased_once_and_counted_without_names_while_younger_and_confirmed_ones_stay()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var app = new ReflexesAppFactory(database, new Dictionary<string, string?> { ["Outreach:UnconfirmedRequests:SweepInterval"] = "00:00:00.200" });
        await using var onClock = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        _ = onClock.Server;

        var old = await RequestAsync(onClock.Services, "Vaugrenard");
        var active = await WithAsync(onClock.Services, sp => sp.GetRequiredService<RegistryDesk>().RegisterAsync(
            Details("Quéméner"), RegisteredBy.Self, null, ConsentChannel.Phone, [RegistryDesk.Purpose], "agent-1", default));
        clock.Advance(TimeSpan.FromDays(62));
        var younger = await RequestAsync(onClock.Services, "Ollivier");

        // Just before three months have passed since the old request: nothing goes.
        clock.Advance(TimeSpan.FromDays(29));
        await Task.Delay(800);
        (await RemainingAsync(onClock.Services, old.Id, younger.Id, active.Id)).ShouldBe([old.Id, younger.Id, active.Id], ignoreOrder: true);

        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(2).AddMonths(-3);
        var due = await WithAsync(onClock.Services, sp => sp.GetRequiredService<ReflexesDbContext>().Registrants
            .CountAsync(r => r.Status == RegistrantStatus.ToConfirm && r.RegisteredAtUtc < cutoff)); // the demo's requests too
        clock.Advance(TimeSpan.FromDays(2));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && (await RemainingAsync(onClock.Services, old.Id)).Count > 0)
        {
            await Task.Delay(200);
        }

        (await RemainingAsync(onClock.Services, old.Id, younger.Id, active.Id)).ShouldBe([younger.Id, active.Id], ignoreOrder: true);
        await Task.Delay(800); // several more runs
        var lines = app.Logs.Lines.Where(l => l.StartsWith("Information", StringComparison.Ordinal) && l.Contains("left unconfirmed", StringComparison.Ordinal)).ToList();
        lines.ShouldHaveSingleItem().ShouldContain("Erased " + due + " registration request(s)");
        due.ShouldBeGreaterThanOrEqualTo(1);
        app.Logs.Lines.ShouldNotContain(l => l.Contains("Vaugrenard", StringComparison.Ordinal) || l.Contains("Ollivier", StringComparison.Ordinal));
    }

    private static Task<Registrant> RequestAsync(IServiceProvider services, string lastName) => WithAsync(services, sp =>
        sp.GetRequiredService<RegistryDesk>().RequestForSomeoneAsync(Details(lastName), RegisteredBy.Neighbour, "Nadia, voisine", [RegistryDesk.Purpose], new ClaimsPrincipal(), default));

    private static RegistrantDetails Details(string lastName) =>
        new("Yvonne", lastName, new DateOnly(1936, 4, 2), "9 rue du Moulin", null, "04 78 31 32 33", null, null, EligibilityGround.Age65Plus);

    private static Task<List<Guid>> RemainingAsync(IServiceProvider services, params Guid[] ids) =>
        WithAsync(services, sp => sp.GetRequiredService<ReflexesDbContext>().Registrants.Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync());

    private static async Task<T> WithAsync<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> action)
    {
        using var scope = services.CreateScope();
        return await action(scope.ServiceProvider);
    }
}

public sealed class UnconfirmedRequestsJobTests_OnSqlite() : UnconfirmedRequestsJobTests(DatabaseKind.Sqlite);

public sealed class UnconfirmedRequestsJobTests_OnPostgreSql() : UnconfirmedRequestsJobTests(DatabaseKind.PostgreSql);
