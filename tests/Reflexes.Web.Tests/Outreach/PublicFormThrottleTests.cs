using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reflexes.Testing;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Tests.Outreach;

/// <summary>
/// The public registration form's hourly limit per address is counted in the database: two app instances
/// on one database share it, no address is stored in clear, and old windows are deleted.
/// </summary>
public abstract class PublicFormThrottleTests(DatabaseKind kind)
{
    [SkippableFact]
    public async Task Two_instances_on_one_database_share_the_hourly_allowance_store_no_address_and_forget_it_an_hour_later()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 7, 1, 10, 5, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(kind);
        var settings = new Dictionary<string, string?> { ["Outreach:PublicRegistrationsPerHour"] = "3" };
        await using var first = new ReflexesAppFactory(database, settings);
        await using var second = new ReflexesAppFactory(database, settings);
        await using var firstOnClock = first.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        await using var secondOnClock = second.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        _ = firstOnClock.Server;
        _ = secondOnClock.Server;
        var onFirst = firstOnClock.CreateClient(BrowserLike);
        var onSecond = secondOnClock.CreateClient(BrowserLike);

        (await SubmitAsync(onFirst, "Quiniou")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SubmitAsync(onSecond, "Barre")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SubmitAsync(onFirst, "Caron")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SubmitAsync(onSecond, "Dumas")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await SubmitAsync(onFirst, "Esnault")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        var registered = await WithDbAsync(firstOnClock.Services, db => db.Registrants.Where(r => new[] { "Quiniou", "Barre", "Caron", "Dumas", "Esnault" }.Contains(r.LastName)).CountAsync());
        registered.ShouldBe(3);
        var windows = await WithDbAsync(firstOnClock.Services, db => db.PublicFormWindows.AsNoTracking().ToListAsync());
        var window = windows.ShouldHaveSingleItem();
        window.Count.ShouldBe(5);
        window.AddressHash.Length.ShouldBe(64);
        window.AddressHash.ShouldAllBe(c => Uri.IsHexDigit(c));

        clock.Advance(TimeSpan.FromHours(1));
        (await SubmitAsync(onSecond, "Dumas")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var nextHour = await WithDbAsync(firstOnClock.Services, db => db.PublicFormWindows.AsNoTracking().OrderBy(w => w.WindowHour).ToListAsync());
        nextHour.Count.ShouldBe(2);
        nextHour[0].AddressHash.ShouldNotBe(nextHour[1].AddressHash, "the hash changes every hour, so hours cannot be linked");

        clock.Advance(TimeSpan.FromHours(2));
        (await SubmitAsync(onFirst, "Esnault")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var left = await WithDbAsync(firstOnClock.Services, db => db.PublicFormWindows.AsNoTracking().ToListAsync());
        left.ShouldHaveSingleItem().Count.ShouldBe(1);
    }

    private static readonly WebApplicationFactoryClientOptions BrowserLike = new()
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("http://localhost"),
    };

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient client, string lastName) =>
        client.PostFormAsync("/heatwave-register",
        [
            new("FirstName", "Jeanne"), new("LastName", lastName), new("BirthDate", "1938-03-14"), new("Address", "3 rue des Écoles"),
            new("Phone", "04 78 55 66 77"), new("Ground", "Age65Plus"), new("FilledBy", "Self"), new("Purposes", "heatwave-register"), new("Website", ""),
        ]);

    private static async Task<T> WithDbAsync<T>(IServiceProvider services, Func<ReflexesDbContext, Task<T>> action)
    {
        using var scope = services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<ReflexesDbContext>());
    }
}

public sealed class PublicFormThrottleTests_OnSqlite() : PublicFormThrottleTests(DatabaseKind.Sqlite);

public sealed class PublicFormThrottleTests_OnPostgreSql() : PublicFormThrottleTests(DatabaseKind.PostgreSql);
