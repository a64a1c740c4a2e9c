using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reflexes.Testing;
using Reflexes.Web.Modules.Access;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.DataTrust.Contracts;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Modules.Reserve.Volunteers;
using Reflexes.Web.Modules.Territory.DemoSeed;
using Reflexes.Web.Platform.Data;
using Reflexes.Web.Tests.Fixtures;

namespace Reflexes.Web.Tests.Reserve;

/// <summary>Volunteers join, are registered, edit and leave; the pool for planning sees only who may be matched. Once per database.</summary>
public abstract class VolunteerTests(AppFixture fixture)
{
    private static readonly Guid FirstAid = DemoTerritory.IdFor("skill", "Premiers secours (PSC1)");
    private static readonly Guid Health = DemoTerritory.IdFor("skill", "Santé et secours");
    private static readonly Guid Bellevue = DemoTerritory.IdFor("neighbourhood", "BELLEVUE");

    [SkippableFact]
    public async Task A_resident_signs_up_with_the_half_day_grid_bad_input_changes_nothing_and_leaving_withdraws_consent()
    {
        var app = await fixture.AppAsync();
        var (userId, client) = await NewResidentAsync(app, "grille");
        (await client.GetStringAsync(new Uri("/reserve/me", UriKind.Relative))).ShouldContain("id=\"Pattern-Monday-Morning\"");
        var nextMonday = NextMonday();

        var bad = await client.PostFormAsync("/reserve/me", (Form("Inès", "Grille", nextMonday) with
        {
            Pattern = ["Monday-Morning", "Funday-Morning"],
            WeekCap = "0",
            Distance = "500",
            Skills = [Guid.NewGuid().ToString()],
            ExceptionDate = "2026-02-30",
            Consent = false,
        }).Fields());
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await bad.Content.ReadAsStringAsync();
        foreach (var field in new[] { "Pattern", "MaxHalfDaysPerWeek", "MaxDistanceKm", "Skills", "Exceptions", "Consent" })
        {
            page.ShouldContain($"href=\"#{field}\"");
            page.ShouldContain($"id=\"{field}\"");
        }

        page.ShouldContain("2026-02-30");
        (await fixture.WithDbAsync(db => db.Volunteers.Where(v => v.UserId == userId).Select(v => v.Id).CountAsync())).ShouldBe(0);

        var ok = await client.PostFormAsync("/reserve/me", Form("Inès", "Grille", nextMonday).Fields());
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var mine = await client.GetStringAsync(new Uri("/reserve/me", UriKind.Relative));
        mine.ShouldContain("name=\"Pattern\" value=\"Monday-Morning\" checked=\"checked\"");
        mine.ShouldContain("name=\"Never\" value=\"Saturday-Morning\" checked=\"checked\"");
        mine.ShouldContain("?handler=Leave");

        var (volunteerId, subjectId) = await fixture.WithDbAsync(async db =>
            (await db.Volunteers.Where(v => v.UserId == userId).Select(v => new { v.Id, v.SubjectId }).SingleAsync()) is var x ? (x.Id, x.SubjectId) : default);
        (await fixture.WithDbAsync(db => db.ConsentRecords.CountAsync(c => c.SubjectId == subjectId && c.Channel == ConsentChannel.SelfService))).ShouldBe(1);
        (await fixture.WithDbAsync(db => db.DataSubjects.AnyAsync(s => s.Id == subjectId && s.UserId == userId))).ShouldBeTrue();

        var pooled = (await PoolAsync(app, nextMonday, nextMonday.AddDays(13))).Volunteers.Single(v => v.VolunteerId == volunteerId);
        pooled.Skills.ShouldBe([FirstAid, Health], ignoreOrder: true);
        pooled.HeldSkills.ShouldBe([FirstAid]);
        pooled.Languages.ShouldBe(["fr", "ta"]);
        pooled.MaxDistanceKm.ShouldBe(7);
        pooled.MaxPerWeek.ShouldBe(3);
        // Monday mornings and Wednesday afternoons; Saturday mornings are in the pattern but never given;
        // the first Wednesday afternoon is an exception, and so is the second Tuesday morning.
        pooled.HalfDays.Select(h => h.ToString()).ShouldBe(
        [
            Text(nextMonday, "AM"), Text(nextMonday.AddDays(7), "AM"), Text(nextMonday.AddDays(8), "AM"), Text(nextMonday.AddDays(9), "PM"),
        ]);
        pooled.Latitude.ShouldBeInRange(45.70, 45.74);

        (await client.PostFormAsync("/reserve/me", [], "/reserve/me?handler=Leave")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PoolAsync(app, nextMonday, nextMonday.AddDays(13))).Volunteers.ShouldNotContain(v => v.VolunteerId == volunteerId);
        (await fixture.WithDbAsync(db => db.ConsentRecords.CountAsync(c => c.SubjectId == subjectId))).ShouldBe(2);
        (await client.GetStringAsync(new Uri("/reserve/me", UriKind.Relative))).ShouldContain("name=\"Consent\"");
        var logs = string.Join('\n', app.Logs.Lines);
        logs.ShouldNotContain("Grille");
    }

    [SkippableFact]
    public async Task A_coordinator_registers_a_phone_volunteer_whose_consent_names_the_channel_and_who_appears_in_the_list()
    {
        var app = await fixture.AppAsync();
        var coordinator = app.CreateBrowserLikeClient();
        await coordinator.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);
        var nextMonday = NextMonday();

        var noPlace = await coordinator.PostFormAsync("/reserve/volunteers/register",
            [.. (Form("Paul", "Téléphone", nextMonday) with { Neighbourhood = "" }).Fields(), new("Channel", "Phone")]);
        noPlace.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await noPlace.Content.ReadAsStringAsync()).ShouldContain("href=\"#NeighbourhoodId\"");

        var ok = await coordinator.PostFormAsync("/reserve/volunteers/register",
            [.. (Form("Paul", "Téléphone", nextMonday) with { Latitude = "45,7123", Longitude = "4.8456" }).Fields(), new("Channel", "Phone"), new("OnBehalfOf", "")]);
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var path = ok.Headers.Location!.OriginalString;
        (await coordinator.GetStringAsync(new Uri(path, UriKind.Relative))).ShouldContain("Paul Téléphone");
        (await coordinator.GetStringAsync(new Uri("/reserve/volunteers", UriKind.Relative))).ShouldContain("Téléphone Paul");
        var id = Guid.Parse(path.Split('/').Last());
        var consent = await fixture.WithDbAsync(async db =>
        {
            var subject = await db.Volunteers.Where(v => v.Id == id).Select(v => v.SubjectId).SingleAsync();
            return await db.ConsentRecords.Where(c => c.SubjectId == subject).Select(c => c.Channel).ToListAsync();
        });
        consent.ShouldBe([ConsentChannel.Phone]);
        var pooled = (await PoolAsync(app, nextMonday, nextMonday.AddDays(6))).Volunteers.Single(v => v.VolunteerId == id);
        pooled.Latitude.ShouldBe(45.7123);
        pooled.Longitude.ShouldBe(4.8456);

        // A correction with an impossible value changes nothing; leaving on the person's behalf hides them.
        var bad = await coordinator.PostFormAsync(path, (Form("Paul", "Téléphone", nextMonday) with { MonthCap = "-1" }).Fields());
        (await bad.Content.ReadAsStringAsync()).ShouldContain("href=\"#MaxHalfDaysPerMonth\"");
        (await coordinator.PostFormAsync(path, [new("Channel", "Phone")], path + "?handler=Leave")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await coordinator.GetStringAsync(new Uri("/reserve/volunteers", UriKind.Relative))).ShouldNotContain("Téléphone Paul");
        (await coordinator.GetAsync(new Uri(path, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task Loading_a_volunteer_without_the_access_service_fails_and_the_pool_counts_those_it_hides()
    {
        var app = await fixture.AppAsync();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ReflexesDbContext>();
        await Should.ThrowAsync<PersonalDataAccessException>(() => db.Volunteers.FirstAsync());

        var (_, resident) = await NewResidentAsync(app, "cache");
        await resident.PostFormAsync("/reserve/me", Form("Zoé", "Cachée", NextMonday()).Fields());
        var before = await PoolAsync(app, NextMonday(), NextMonday().AddDays(6));
        var withdraw = await resident.PostFormAsync("/my-data", [new("purpose", VolunteerDesk.Purpose)], "/my-data?handler=Withdraw");
        withdraw.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var after = await PoolAsync(app, NextMonday(), NextMonday().AddDays(6));
        after.Hidden.ShouldBe(before.Hidden + 1);
        after.Volunteers.ShouldNotContain(v => v.DisplayName == "Zoé Cachée");
        before.Volunteers.ShouldContain(v => v.DisplayName == "Zoé Cachée");
        before.Volunteers.Count.ShouldBeGreaterThanOrEqualTo(15);
    }

    [SkippableFact]
    public async Task The_reserve_appears_in_the_persons_portfolio_and_erasure_removes_it()
    {
        var app = await fixture.AppAsync();
        var (userId, resident) = await NewResidentAsync(app, "efface");
        await resident.PostFormAsync("/reserve/me", Form("Léon", "Effacé", NextMonday()).Fields());
        var portfolio = await resident.GetStringAsync(new Uri("/my-data/portfolio", UriKind.Relative));
        portfolio.ShouldContain("Léon Effacé");
        portfolio.ShouldContain("Premiers secours (PSC1)");
        portfolio.ShouldContain("Lieu de départ");
        var english = await resident.GetStringAsync(new Uri("/my-data/portfolio?culture=en-GB", UriKind.Relative));
        english.ShouldContain("Starting point");
        english.ShouldNotContain("Lieu de départ");

        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ReflexesDbContext>();
        var subjectId = await db.Volunteers.Where(v => v.UserId == userId).Select(v => v.SubjectId).SingleAsync();
        var officer = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "dpo")], "test"));
        await services.GetRequiredService<PersonalDataAccess>().AuthoriseForDataSubjectRightsAsync(subjectId, "rights.erasure", officer, default);
        var erased = 0;
        foreach (var holder in services.GetServices<IPersonalDataHolder>().Where(h => h.NameKey is "holder.reserve" or "holder.reassignments"))
        {
            erased += (await holder.EraseAsync(new SubjectRef(subjectId, userId), default)).Erased;
        }

        erased.ShouldBe(4); // the profile, one skill, two dated exceptions
        (await db.Volunteers.AnyAsync(v => v.SubjectId == subjectId)).ShouldBeFalse();
        (await db.VolunteerSkills.AnyAsync(s => s.SubjectId == subjectId)).ShouldBeFalse();
    }

    [SkippableFact]
    public async Task Coordinators_manage_the_skill_tree_and_cannot_make_a_cycle_or_remove_a_skill_in_use()
    {
        var app = await fixture.AppAsync();
        var coordinator = app.CreateBrowserLikeClient();
        await coordinator.SignInAsync(Demo.Email(Roles.Coordinator), Demo.Password);

        (await coordinator.PostFormAsync("/reserve/skills", [new("Name", "Brûlures"), new("ParentId", FirstAid.ToString())], "/reserve/skills?handler=Add"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await coordinator.GetStringAsync(new Uri("/reserve/skills", UriKind.Relative))).ShouldContain("Santé et secours › Premiers secours (PSC1) › Brûlures");
        var burns = await fixture.WithDbAsync(db => db.Skills.Where(s => s.Name == "Brûlures").Select(s => s.Id).SingleAsync());

        var cycle = await coordinator.PostFormAsync("/reserve/skills", [new("Name", "Santé et secours"), new("ParentId", burns.ToString())], $"/reserve/skills?id={Health}&handler=Update");
        cycle.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cycle.Content.ReadAsStringAsync()).ShouldContain("href=\"#ParentId\"");
        var duplicate = await coordinator.PostFormAsync("/reserve/skills", [new("Name", "Brûlures"), new("ParentId", "")], "/reserve/skills?handler=Add");
        (await duplicate.Content.ReadAsStringAsync()).ShouldContain("href=\"#Name\"");
        var inUse = await coordinator.PostFormAsync("/reserve/skills", [], $"/reserve/skills?id={DemoTerritory.IdFor("skill", "Interprétariat")}&handler=Remove");
        inUse.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fixture.WithDbAsync(db => db.Skills.AnyAsync(s => s.Name == "Interprétariat"))).ShouldBeTrue();

        (await coordinator.PostFormAsync("/reserve/skills", [], $"/reserve/skills?id={burns}&handler=Remove")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await fixture.WithDbAsync(db => db.Skills.AnyAsync(s => s.Id == burns))).ShouldBeFalse();
    }

    internal static async Task<VolunteerPoolResult> PoolAsync(ReflexesAppFactory app, DateOnly from, DateOnly to)
    {
        using var scope = app.Services.CreateScope();
        var planner = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "planner"), new Claim(ClaimTypes.Role, Roles.Coordinator)], "test"));
        return await scope.ServiceProvider.GetRequiredService<VolunteerPool>().AvailableAsync(from, to, planner, default);
    }

    internal static async Task<(string UserId, HttpClient Client)> NewResidentAsync(ReflexesAppFactory app, string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}"[..24] + "@valbrune.example";
        string userId;
        using (var scope = app.Services.CreateScope())
        {
            var (user, errors) = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                .CreateAsync(email, "Habitant " + name, Demo.Password, [Roles.Resident], default);
            errors.ShouldBeEmpty();
            userId = user!.Id;
        }

        var client = app.CreateBrowserLikeClient();
        (await client.SignInAsync(email, Demo.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (userId, client);
    }

    internal static DateOnly NextMonday()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var ahead = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(ahead == 0 ? 7 : ahead);
    }

    private static string Text(DateOnly day, string half) => new VolunteerHalfDay(day, half == "AM" ? VolunteerPeriod.Morning : VolunteerPeriod.Afternoon).ToString();

    internal static VolunteerForm Form(string first, string last, DateOnly nextMonday) => new(
        first, last, Bellevue.ToString(), "", "", "7", "3", "8", ["fr"], "ta", [FirstAid.ToString()],
        ["Monday-Morning", "Wednesday-Afternoon", "Saturday-Morning"], ["Saturday-Morning", "Saturday-Afternoon", "Sunday-Morning", "Sunday-Afternoon"],
        nextMonday.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "Afternoon", "unavailable",
        nextMonday.AddDays(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), true);

    internal sealed record VolunteerForm(
        string FirstName, string LastName, string Neighbourhood, string Latitude, string Longitude, string Distance, string WeekCap, string MonthCap,
        string[] Languages, string OtherLanguages, string[] Skills, string[] Pattern, string[] Never,
        string ExceptionDate, string ExceptionPeriod, string ExceptionKind, string AvailableDate, bool Consent)
    {
        public KeyValuePair<string, string>[] Fields() =>
        [
            new("FirstName", FirstName), new("LastName", LastName), new("NeighbourhoodId", Neighbourhood), new("Latitude", Latitude), new("Longitude", Longitude),
            new("MaxDistanceKm", Distance), new("MaxHalfDaysPerWeek", WeekCap), new("MaxHalfDaysPerMonth", MonthCap), new("OtherLanguages", OtherLanguages),
            .. Languages.Select(l => new KeyValuePair<string, string>("Languages", l)),
            .. Skills.Select(s => new KeyValuePair<string, string>("Skills", s)),
            .. Pattern.Select(s => new KeyValuePair<string, string>("Pattern", s)),
            .. Never.Select(s => new KeyValuePair<string, string>("Never", s)),
            new("ExceptionDates", ExceptionDate), new("ExceptionPeriods", ExceptionPeriod), new("ExceptionKinds", ExceptionKind),
            new("ExceptionDates", AvailableDate), new("ExceptionPeriods", "Morning"), new("ExceptionKinds", "available"),
            .. Consent ? new[] { new KeyValuePair<string, string>("Consent", "true") } : [],
        ];
    }
}

public sealed class VolunteerSqliteTests(SqliteApp fixture) : VolunteerTests(fixture), IClassFixture<SqliteApp>;

public sealed class VolunteerPostgreSqlTests(PostgreSqlApp fixture) : VolunteerTests(fixture), IClassFixture<PostgreSqlApp>;
