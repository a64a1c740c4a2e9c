using Microsoft.EntityFrameworkCore;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.Territory.DemoSeed;
using Reflexes.Web.Modules.Territory.Domain;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.Platform;

public sealed class DemoTerritoryTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_demo_city_has_its_neighbourhoods_services_associations_and_one_account_per_role()
    {
        var (neighbourhoods, services, associations, outlines, roles) = await fixture.WithDbAsync(async db => (
            await db.Neighbourhoods.CountAsync(),
            await db.Organisations.CountAsync(o => o.Kind == OrganisationKind.Service),
            await db.Organisations.Where(o => o.Kind == OrganisationKind.Association).ToListAsync(),
            await db.Neighbourhoods.CountAsync(n => n.OutlineGeoJson != null),
            await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select r.Name).Distinct().ToListAsync()));

        neighbourhoods.ShouldBe(8);
        outlines.ShouldBe(8);
        services.ShouldBe(12);
        associations.Count.ShouldBe(20);
        associations.ShouldAllBe(a => a.Siret != null && FrenchIdentifiers.IsValidSiret(a.Siret) && a.Rna != null);
        roles.Order().ShouldBe(Roles.All.Order());
        (await fixture.WithDbAsync(db => db.TerritoryProfiles.SingleAsync())).Population.ShouldBeInRange(95_000, 105_000);
    }

    [Fact]
    public async Task Seeding_twice_gives_the_same_identifiers_and_names()
    {
        await using var other = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var app = new ReflexesAppFactory(other);
        _ = app.Server;

        var mine = await fixture.WithDbAsync(db => db.Organisations.OrderBy(o => o.Id).Select(o => o.Id + o.Name).ToListAsync());
        await using var db = other.CreateContext();
        var theirs = await db.Organisations.OrderBy(o => o.Id).Select(o => o.Id + o.Name).ToListAsync();
        theirs.ShouldBe(mine);
        (await db.Agents.CountAsync()).ShouldBe(37); // 36 in the services, and the demo agent account the civic reserve seed adds
    }

    [Fact]
    public void Demo_siret_numbers_pass_the_luhn_check_and_a_wrong_one_fails()
    {
        FrenchIdentifiers.IsValidSiret(DemoTerritory.Siret(7)).ShouldBeTrue();
        FrenchIdentifiers.IsValidSiret("73282932000074").ShouldBeTrue();
        FrenchIdentifiers.IsValidSiret("73282932000075").ShouldBeFalse();
        FrenchIdentifiers.IsValidSiret("7328293200007").ShouldBeFalse();
        FrenchIdentifiers.IsValidRna("W751234567").ShouldBeTrue();
        FrenchIdentifiers.IsValidRna("X751234567").ShouldBeFalse();
    }
}
