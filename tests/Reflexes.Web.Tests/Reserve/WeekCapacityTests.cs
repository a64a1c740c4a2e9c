using Reflexes.Web.Modules.Reserve.Domain;
using Reflexes.Web.Modules.Reserve.Planning;
using Reflexes.Web.Modules.Reserve.Volunteers;
using Holding = Reflexes.Web.Modules.Reserve.Planning.WeekCapacity.Holding;

namespace Reflexes.Web.Tests.Reserve;

/// <summary>The binding limit of a volunteer's week: weekly cap, monthly cap with the month's other weeks, agent's yearly quota.</summary>
public sealed class WeekCapacityTests
{
    private static readonly DateOnly Monday = new(2026, 12, 7);

    private static PoolVolunteer Volunteer(int perWeek, int perMonth, int? quotaLeft, DateOnly monday, int days) => new(
        Guid.NewGuid(), quotaLeft is null ? VolunteerKind.Resident : VolunteerKind.Agent, "V", null, [], [], [], ["fr"], 0, 0, 10,
        [.. Enumerable.Range(0, days).Select(i => new VolunteerHalfDay(monday.AddDays(i), VolunteerPeriod.Morning))], perWeek, perMonth, perMonth, quotaLeft);

    [Fact]
    public void The_weekly_cap_binds_when_nothing_is_held_elsewhere()
    {
        var c = WeekCapacity.Of(Volunteer(2, 6, null, Monday, 5), Monday, []);
        c.Total.ShouldBe(2);
        c.Left.ShouldBe(2);
        c.Limit.ShouldBe(CapacityLimit.Week);
    }

    [Fact]
    public void Half_days_held_in_the_months_other_weeks_make_the_monthly_cap_bind()
    {
        // Monthly cap 4, three half-days held in other December weeks: one is left for this week, below the weekly cap of 3.
        var held = new[] { new Holding(new DateOnly(2026, 12, 1), false, true), new Holding(new DateOnly(2026, 12, 15), true, false), new Holding(new DateOnly(2026, 12, 22), false, false) };
        var c = WeekCapacity.Of(Volunteer(3, 4, null, Monday, 5), Monday, held);
        c.Total.ShouldBe(1);
        c.Left.ShouldBe(1);
        c.Limit.ShouldBe(CapacityLimit.Month);
        c.FullMonths.ShouldBeEmpty();
    }

    [Fact]
    public void Half_days_held_in_another_month_do_not_count_against_this_months_cap()
    {
        var held = new[] { new Holding(new DateOnly(2026, 11, 10), false, true), new Holding(new DateOnly(2026, 11, 12), false, true), new Holding(new DateOnly(2027, 1, 5), false, false) };
        var c = WeekCapacity.Of(Volunteer(3, 2, null, Monday, 5), Monday, held);
        c.Total.ShouldBe(2);
        c.Limit.ShouldBe(CapacityLimit.Month);
    }

    [Fact]
    public void A_full_month_in_a_week_spanning_two_months_is_named_and_only_the_other_month_counts()
    {
        var monday = new DateOnly(2026, 11, 30);
        var held = Enumerable.Range(0, 4).Select(i => new Holding(new DateOnly(2026, 11, 2 + i), false, true)).ToList();
        var c = WeekCapacity.Of(Volunteer(5, 4, null, monday, 3), monday, held);
        c.FullMonths.ShouldBe([(2026, 11)]);
        c.Total.ShouldBe(2); // 1 and 2 December
        c.Limit.ShouldBe(CapacityLimit.Month);
    }

    [Fact]
    public void An_agents_quota_binds_counting_proposals_awaiting_an_answer_elsewhere_and_giving_back_the_weeks_confirmed_half_days()
    {
        // Two half-days left of the quota (the confirmed one of this week already consumed), one proposal awaiting an answer
        // later in December: 2 + 1 - 1 = 2 half-days for this week, below the weekly cap of 3; the confirmed one holds one of them.
        var held = new[] { new Holding(Monday.AddDays(1), false, true), new Holding(new DateOnly(2026, 12, 28), false, false) };
        var c = WeekCapacity.Of(Volunteer(3, 10, 2, Monday, 5), Monday, held);
        c.Total.ShouldBe(2);
        c.Left.ShouldBe(1);
        c.Limit.ShouldBe(CapacityLimit.Quota);
    }
}
