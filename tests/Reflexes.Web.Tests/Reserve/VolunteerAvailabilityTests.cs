using Reflexes.Web.Modules.Reserve.Agents;
using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Modules.Reserve.Skills;
using Reflexes.Web.Modules.Reserve.Volunteers;

namespace Reflexes.Web.Tests.Reserve;

/// <summary>How availability rules become concrete half-days, and the rules the profile and quotas follow.</summary>
public sealed class VolunteerAvailabilityTests
{
    private static readonly VolunteerWeekCell MondayMorning = new(DayOfWeek.Monday, VolunteerPeriod.Morning);
    private static readonly VolunteerWeekCell WednesdayAfternoon = new(DayOfWeek.Wednesday, VolunteerPeriod.Afternoon);
    private static readonly VolunteerWeekCell SaturdayMorning = new(DayOfWeek.Saturday, VolunteerPeriod.Morning);

    // 7 December 2026 is a Monday.
    private static readonly DateOnly Monday = new(2026, 12, 7);

    private static string[] Texts(IEnumerable<VolunteerHalfDay> halfDays) => [.. halfDays.Select(h => h.ToString())];

    [Fact]
    public void The_weekly_pattern_gives_its_half_days_on_every_week_of_the_range_in_time_order()
    {
        var days = VolunteerAvailability.Expand(VolunteerWeek.Of(WednesdayAfternoon, MondayMorning), VolunteerWeek.None, [], Monday, Monday.AddDays(13));

        Texts(days).ShouldBe(["2026-12-07AM", "2026-12-09PM", "2026-12-14AM", "2026-12-16PM"]);
    }

    [Fact]
    public void The_range_includes_both_ends_and_a_one_day_range_gives_that_day_only()
    {
        Texts(VolunteerAvailability.Expand(VolunteerWeek.Every, VolunteerWeek.None, [], Monday, Monday)).ShouldBe(["2026-12-07AM", "2026-12-07PM"]);
        Texts(VolunteerAvailability.Expand(VolunteerWeek.Of(MondayMorning), VolunteerWeek.None, [], Monday.AddDays(1), Monday.AddDays(7))).ShouldBe(["2026-12-14AM"]);
    }

    [Fact]
    public void A_dated_exception_adds_a_half_day_outside_the_pattern_or_removes_one_inside_it()
    {
        var exceptions = new[]
        {
            new VolunteerExceptionDay(new(Monday.AddDays(3), VolunteerPeriod.Afternoon), true),
            new VolunteerExceptionDay(new(Monday.AddDays(7), VolunteerPeriod.Morning), false),
        };

        var days = VolunteerAvailability.Expand(VolunteerWeek.Of(MondayMorning), VolunteerWeek.None, exceptions, Monday, Monday.AddDays(13));

        Texts(days).ShouldBe(["2026-12-07AM", "2026-12-10PM"]);
    }

    [Fact]
    public void A_hard_constraint_overrides_both_the_pattern_and_an_available_exception()
    {
        var saturday = Monday.AddDays(5);
        var exceptions = new[] { new VolunteerExceptionDay(new(saturday, VolunteerPeriod.Morning), true) };

        var days = VolunteerAvailability.Expand(
            VolunteerWeek.Of(SaturdayMorning, WednesdayAfternoon, MondayMorning), VolunteerWeek.Weekends.With(WednesdayAfternoon), exceptions, Monday, Monday.AddDays(6));

        Texts(days).ShouldBe(["2026-12-07AM"]);
    }

    [Fact]
    public void Days_outside_an_allowed_window_give_nothing_even_when_the_pattern_offers_them()
    {
        var days = VolunteerAvailability.Expand(VolunteerWeek.Every, VolunteerWeek.Weekends, [], Monday, Monday.AddDays(13),
            day => day >= Monday.AddDays(2) && day <= Monday.AddDays(8));

        Texts(days).ShouldBe(["2026-12-09AM", "2026-12-09PM", "2026-12-10AM", "2026-12-10PM", "2026-12-11AM", "2026-12-11PM", "2026-12-14AM", "2026-12-14PM", "2026-12-15AM", "2026-12-15PM"]);
    }

    [Fact]
    public void Random_rules_expand_exactly_as_the_definition_says_on_every_half_day()
    {
        var random = new Random(20261124);
        for (var run = 0; run < 300; run++)
        {
            var pattern = new VolunteerWeek(random.Next(VolunteerWeek.FullMask + 1));
            var never = new VolunteerWeek(random.Next(VolunteerWeek.FullMask + 1) & random.Next(VolunteerWeek.FullMask + 1));
            var from = new DateOnly(2026, 1, 1).AddDays(random.Next(700));
            var to = from.AddDays(random.Next(40));
            var exceptions = Enumerable.Range(0, random.Next(8))
                .Select(_ => new VolunteerExceptionDay(new(from.AddDays(random.Next(45)), random.Next(2) == 0 ? VolunteerPeriod.Morning : VolunteerPeriod.Afternoon), random.Next(2) == 0))
                .DistinctBy(e => e.HalfDay).ToList();

            var expanded = VolunteerAvailability.Expand(pattern, never, exceptions, from, to).ToHashSet();

            for (var day = from; day <= to; day = day.AddDays(1))
            {
                foreach (var period in new[] { VolunteerPeriod.Morning, VolunteerPeriod.Afternoon })
                {
                    var halfDay = new VolunteerHalfDay(day, period);
                    var exception = exceptions.FirstOrDefault(e => e.HalfDay == halfDay);
                    var expected = !never.Contains(halfDay.Cell) && (exception?.Available ?? pattern.Contains(halfDay.Cell));
                    expanded.Contains(halfDay).ShouldBe(expected, $"run {run}: {halfDay}");
                }
            }

            expanded.ShouldAllBe(h => h.Date >= from && h.Date <= to);
        }
    }

    [Fact]
    public void Iso_weeks_run_monday_to_sunday_and_the_last_days_of_december_can_belong_to_week_53()
    {
        new VolunteerHalfDay(new DateOnly(2026, 12, 31), VolunteerPeriod.Morning).IsoWeek.ShouldBe(202653);
        new VolunteerHalfDay(new DateOnly(2027, 1, 3), VolunteerPeriod.Afternoon).IsoWeek.ShouldBe(202653);
        new VolunteerHalfDay(new DateOnly(2027, 1, 4), VolunteerPeriod.Morning).IsoWeek.ShouldBe(202701);
        new VolunteerHalfDay(new DateOnly(2025, 12, 29), VolunteerPeriod.Morning).IsoWeek.ShouldBe(202601);
        new VolunteerHalfDay(Monday, VolunteerPeriod.Morning).IsoWeek.ShouldBe(new VolunteerHalfDay(Monday.AddDays(6), VolunteerPeriod.Afternoon).IsoWeek);
        new VolunteerHalfDay(Monday.AddDays(7), VolunteerPeriod.Morning).IsoWeek.ShouldBe(new VolunteerHalfDay(Monday, VolunteerPeriod.Morning).IsoWeek + 1);
    }

    [Fact]
    public void Half_days_read_and_write_the_engines_notation_and_refuse_impossible_ones()
    {
        VolunteerHalfDay.TryParse("2026-12-07PM", out var pm).ShouldBeTrue();
        pm.ShouldBe(new VolunteerHalfDay(Monday, VolunteerPeriod.Afternoon));
        pm.ToString().ShouldBe("2026-12-07PM");
        VolunteerHalfDay.TryParse("2026-02-30AM", out _).ShouldBeFalse();
        VolunteerHalfDay.TryParse("2026-12-07XM", out _).ShouldBeFalse();
        VolunteerHalfDay.TryParse("2026-12-7AM", out _).ShouldBeFalse();
        VolunteerHalfDay.TryParse(null, out _).ShouldBeFalse();
    }

    [Fact]
    public void Grid_cells_are_read_only_from_the_fourteen_day_and_period_names()
    {
        VolunteerWeekCell.All.Count.ShouldBe(14);
        VolunteerWeekCell.All.Select(c => c.Index).ShouldBe(Enumerable.Range(0, 14));
        VolunteerWeekCell.TryParse("Wednesday-Afternoon", out var cell).ShouldBeTrue();
        cell.ShouldBe(WednesdayAfternoon);
        VolunteerWeekCell.TryParse("Funday-Morning", out _).ShouldBeFalse();
        VolunteerWeekCell.TryParse("Monday-Evening", out _).ShouldBeFalse();
        VolunteerWeekCell.TryParse("1-0", out _).ShouldBeFalse();
        VolunteerWeekCell.TryParse("Monday", out _).ShouldBeFalse();
        new VolunteerWeek(1 << 14).IsValid.ShouldBeFalse();
        VolunteerWeek.Weekends.Count.ShouldBe(4);
    }

    [Fact]
    public void The_total_cap_takes_the_monthly_cap_of_each_month_the_range_touches()
    {
        var endOfMonth = new DateOnly(2026, 11, 26);
        var days = VolunteerAvailability.Expand(VolunteerWeek.Every, VolunteerWeek.None, [], endOfMonth, endOfMonth.AddDays(9));

        days.Count.ShouldBe(20);
        VolunteerAvailability.TotalCap(days, 4).ShouldBe(8);
        VolunteerAvailability.TotalCap(days, 100).ShouldBe(20);
        VolunteerAvailability.TotalCap(VolunteerAvailability.Expand(VolunteerWeek.Every, VolunteerWeek.None, [], Monday, Monday.AddDays(6)), 5).ShouldBe(5);
    }

    [Fact]
    public void A_reversed_or_overlong_range_is_refused()
    {
        Should.Throw<ArgumentException>(() => VolunteerAvailability.Expand(VolunteerWeek.Every, VolunteerWeek.None, [], Monday, Monday.AddDays(-1)));
        Should.Throw<ArgumentException>(() => VolunteerAvailability.Expand(VolunteerWeek.Every, VolunteerWeek.None, [], Monday, Monday.AddDays(VolunteerAvailability.MaxRangeDays)));
    }

    [Fact]
    public void A_profile_names_each_wrong_field()
    {
        var today = new DateOnly(2026, 11, 24);
        var good = Profile();
        good.Validate(today).ShouldBeEmpty();

        Fields(good with { MaxHalfDaysPerWeek = 0, MaxHalfDaysPerMonth = -2 }).ShouldBe(["MaxHalfDaysPerWeek", "MaxHalfDaysPerMonth"]);
        Fields(good with { MaxDistanceKm = 0 }).ShouldBe(["MaxDistanceKm"]);
        Fields(good with { MaxDistanceKm = 201 }).ShouldBe(["MaxDistanceKm"]);
        Fields(good with { MaxHalfDaysPerWeek = 15, MaxHalfDaysPerMonth = 63 }).ShouldBe(["MaxHalfDaysPerWeek", "MaxHalfDaysPerMonth"]);
        Fields(good with { Languages = [] }).ShouldBe(["Languages"]);
        Fields(good with { Languages = ["Français"] }).ShouldBe(["Languages"]);
        Fields(good with { Latitude = 45.7 }).ShouldBe(["Longitude"]);
        Fields(good with { Latitude = 91, Longitude = 4.8 }).ShouldBe(["Latitude"]);
        Fields(good with { NeighbourhoodId = null }).ShouldBe(["NeighbourhoodId"]);
        Fields(good with { NeighbourhoodId = null, Latitude = 45.7, Longitude = 4.8 }).ShouldBeEmpty();
        Fields(good with { Pattern = new VolunteerWeek(1 << 20) }).ShouldBe(["Pattern"]);
        Fields(good with { FirstName = " ", Email = "not-an-address" }).ShouldBe(["FirstName", "Email"]);
        var skill = Guid.NewGuid();
        Fields(good with { Skills = [skill], SecondarySkills = [skill] }).ShouldBe(["SecondarySkills"]);
        var day = new VolunteerHalfDay(today.AddDays(3), VolunteerPeriod.Morning);
        Fields(good with { Exceptions = [new(day, true), new(day, false)] }).ShouldBe(["Exceptions"]);
        Fields(good with { Exceptions = [new(new(today.AddDays(-1), VolunteerPeriod.Morning), true)] }).ShouldBe(["Exceptions"]);

        string[] Fields(VolunteerProfile p) => [.. p.Validate(today).Select(e => e.Field)];
    }

    [Fact]
    public void Skills_count_with_all_their_ancestors_and_a_cycle_in_stored_data_does_not_loop()
    {
        Guid health = Guid.NewGuid(), aid = Guid.NewGuid(), burns = Guid.NewGuid(), food = Guid.NewGuid();
        var parents = new Dictionary<Guid, Guid?> { [health] = null, [aid] = health, [burns] = aid, [food] = null };

        SkillCatalogue.WithAncestors([burns], parents).ShouldBe([burns, aid, health], ignoreOrder: true);
        SkillCatalogue.WithAncestors([food, aid], parents).ShouldBe([food, aid, health], ignoreOrder: true);
        SkillCatalogue.WithAncestors([health], new Dictionary<Guid, Guid?> { [health] = aid, [aid] = health }).ShouldBe([health, aid], ignoreOrder: true);
    }

    [Fact]
    public void The_tree_lists_parents_before_their_children_with_full_paths()
    {
        var health = Skill.Create("Santé", null);
        var aid = Skill.Create("Premiers secours", health.Id);
        var care = Skill.Create("Infirmerie", health.Id);
        var food = Skill.Create("Alimentation", null);

        var tree = SkillCatalogue.Tree([aid, food, care, health]);

        tree.Select(e => (e.Path, e.Depth)).ShouldBe([("Alimentation", 0), ("Santé", 0), ("Santé › Infirmerie", 1), ("Santé › Premiers secours", 1)]);
    }

    [Fact]
    public void A_neighbourhood_centre_is_the_centroid_of_its_outline()
    {
        var square = "{\"type\":\"Polygon\",\"coordinates\":[[[4.80,45.70],[4.90,45.70],[4.90,45.80],[4.80,45.80],[4.80,45.70]]]}";
        var (lat, lon) = VolunteerPlaces.Centre(square)!.Value;

        lat.ShouldBe(45.75, 1e-9);
        lon.ShouldBe(4.85, 1e-9);
        VolunteerPlaces.Centre(null).ShouldBeNull();
        VolunteerPlaces.Centre("{\"type\":\"Point\",\"coordinates\":[4.8,45.7]}").ShouldBeNull();
        VolunteerPlaces.Centre("not json").ShouldBeNull();
    }

    [Fact]
    public void A_service_without_its_own_quota_takes_the_nearest_one_above_it_and_none_means_zero()
    {
        Guid city = Guid.NewGuid(), service = Guid.NewGuid(), unit = Guid.NewGuid(), other = Guid.NewGuid();
        var parents = new Dictionary<Guid, Guid?> { [city] = null, [service] = city, [unit] = service, [other] = null };
        var quotas = new[] { ReassignmentQuota.Create(city, 2027, 10, "u", DateTime.UtcNow), ReassignmentQuota.Create(service, 2027, 4, "u", DateTime.UtcNow) };

        ReassignmentDesk.QuotaFor(unit, 2027, parents, quotas).ShouldBe(4);
        ReassignmentDesk.QuotaFor(city, 2027, parents, quotas).ShouldBe(10);
        ReassignmentDesk.QuotaFor(other, 2027, parents, quotas).ShouldBe(0);
        ReassignmentDesk.QuotaFor(unit, 2028, parents, quotas).ShouldBe(0);
        new ReassignmentDesk.Balance(2027, 4, 3).RemainingDays.ShouldBe(2.5m);
        new ReassignmentDesk.Balance(2027, 1, 5).RemainingHalfDays.ShouldBe(0);
    }

    private static VolunteerProfile Profile() => new(
        "Marie", "Lemoine", "06 12 34 56 78", "marie@example.org", Guid.NewGuid(), null, null, 5, 3, 8, ["fr", "ta"], [], [],
        VolunteerWeek.Of(MondayMorning), VolunteerWeek.Weekends, []);
}
