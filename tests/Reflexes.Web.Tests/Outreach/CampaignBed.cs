using System.Security.Claims;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Outreach.Campaigns;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Modules.Outreach.Registry;
using Reflexes.Web.Modules.Territory.Domain;
using Reflexes.Web.Platform.Data;

namespace Reflexes.Web.Tests.Outreach;

/// <summary>
/// One database and one or more app instances on it (as behind a load balancer), optionally on a
/// manual clock, with helpers to register people, prepare a campaign and enrol callers.
/// </summary>
internal sealed class CampaignBed : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly List<ReflexesAppFactory> _factories = [];
    private readonly List<(IServiceProvider Services, IAsyncDisposable? Derived)> _instances = [];

    private CampaignBed(TestDatabase database, ManualClock? clock)
    {
        _database = database;
        Clock = clock;
    }

    public ManualClock? Clock { get; }

    public static async Task<CampaignBed> StartAsync(DatabaseKind kind, int instances = 1, ManualClock? clock = null)
    {
        var bed = new CampaignBed(await TestDatabase.CreateAsync(kind), clock);
        for (var i = 0; i < instances; i++)
        {
            var factory = new ReflexesAppFactory(bed._database);
            bed._factories.Add(factory);
            if (clock is null)
            {
                _ = factory.Server;
                bed._instances.Add((factory.Services, null));
            }
            else
            {
                var onClock = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
                _ = onClock.Server;
                bed._instances.Add((onClock.Services, onClock));
            }
        }

        return bed;
    }

    public static ClaimsPrincipal User(string id, params string[] roles) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "test"));

    public static readonly ClaimsPrincipal Lead = User("lead-1", Roles.Coordinator);

    public async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action, int instance = 0)
    {
        using var scope = _instances[instance].Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    public Task<T> WithDbAsync<T>(Func<ReflexesDbContext, Task<T>> action) => WithAsync(sp => action(sp.GetRequiredService<ReflexesDbContext>()));

    /// <summary>A neighbourhood of its own, so that a test's campaign targets only the test's people.</summary>
    public Task<Guid> NeighbourhoodAsync() => WithDbAsync(async db =>
    {
        var code = "T" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var n = Neighbourhood.Create(code, "Quartier " + code, null);
        db.Neighbourhoods.Add(n);
        await db.SaveChangesAsync();
        return n.Id;
    });

    /// <summary>Registers people in the neighbourhood (by phone), agreeing to outreach calls unless told otherwise.</summary>
    public async Task<List<Guid>> RegisterAsync(int count, Guid neighbourhood, bool outreachConsent = true, EligibilityGround ground = EligibilityGround.Age65Plus)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await WithAsync(async sp =>
            {
                var details = new RegistrantDetails("Prénom" + i, "Nom" + i, new DateOnly(1940, 1, 1).AddDays(i), i + " rue du Test", neighbourhood,
                    "04 78 00 " + (10 + (i / 100)).ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + (10 + (i % 90)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    null, null, ground);
                string[] purposes = outreachConsent ? [RegistryDesk.Purpose, CampaignDesk.DefaultPurpose] : [RegistryDesk.Purpose];
                var r = await sp.GetRequiredService<RegistryDesk>().RegisterAsync(details, RegisteredBy.Self, null, ConsentChannel.Phone, purposes, "agent-1", default);
                return r.Id;
            }));
        }

        return ids;
    }

    /// <summary>Prepares a campaign over the neighbourhood and starts it (which builds its target list).</summary>
    public Task<Guid> StartCampaignAsync(Guid neighbourhood, CampaignRules rules, string purpose = CampaignDesk.DefaultPurpose) => WithAsync(async sp =>
    {
        var desk = sp.GetRequiredService<CampaignDesk>();
        var campaign = await desk.CreateAsync(
            new CampaignSettings("Test", purpose, new CampaignTargeting(neighbourhood, null, null, null, null), CampaignDemo.Script, rules), "lead-1", default);
        (await desk.MoveAsync(campaign.Id, CampaignStatus.Running, Lead, default)).ShouldBeTrue();
        return campaign.Id;
    });

    public Task<Guid> EnrolAsync(string userId, CallerLevel level = CallerLevel.Experienced) => WithDbAsync(async db =>
    {
        var caller = Caller.Enrol(userId, level, CallerKind.Staff, "lead-1", DateTime.UtcNow);
        db.Callers.Add(caller);
        await db.SaveChangesAsync();
        return caller.Id;
    });

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, derived) in _instances)
        {
            if (derived is not null)
            {
                await derived.DisposeAsync();
            }
        }

        foreach (var factory in _factories)
        {
            await factory.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}
