using System.Security.Claims;
using Reflexes.Web.Modules.Access.Domain;
using Reflexes.Web.Modules.Outreach.Domain;
using Reflexes.Web.Modules.Outreach.Orientation;
using Reflexes.Web.Modules.Outreach.Referrals;

namespace Reflexes.Web.Tests.Outreach;

/// <summary>Routing, deadlines, the life of a referral and the figures, without a database.</summary>
public sealed class ReferralRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid North = Guid.NewGuid();
    private static readonly Guid South = Guid.NewGuid();
    private static readonly Guid FoodBank = Guid.NewGuid();
    private static readonly Guid NorthGrocery = Guid.NewGuid();
    private static readonly Guid SouthDesk = Guid.NewGuid();
    private static readonly Guid Ccas = Guid.NewGuid();
    private static readonly int[] Hours = [5, 1, 3, 2, 4, 10, 9, 8, 7, 6];

    [Fact]
    public void The_most_specific_matching_rule_proposes_the_service()
    {
        RoutingRule[] rules =
        [
            RoutingRule.Create(null, null, Ccas, "o", Now),
            RoutingRule.Create(NeedCategory.Food, null, FoodBank, "o", Now),
            RoutingRule.Create(NeedCategory.Food, North, NorthGrocery, "o", Now),
            RoutingRule.Create(null, South, SouthDesk, "o", Now),
        ];

        RoutingRule.Propose(rules, NeedCategory.Food, North).ShouldBe(NorthGrocery);
        RoutingRule.Propose(rules, NeedCategory.Food, South).ShouldBe(FoodBank); // a category beats a neighbourhood
        RoutingRule.Propose(rules, NeedCategory.Housing, South).ShouldBe(SouthDesk);
        RoutingRule.Propose(rules, NeedCategory.Housing, North).ShouldBe(Ccas);
        RoutingRule.Propose(rules, NeedCategory.Food, null).ShouldBe(FoodBank);
        RoutingRule.Propose(rules[1..3], NeedCategory.Money, North).ShouldBeNull();
    }

    [Theory]
    [InlineData(ReferralUrgency.Urgent, 4, 24)]
    [InlineData(ReferralUrgency.Soon, 48, 168)]
    [InlineData(ReferralUrgency.Normal, 120, 720)]
    public void Deadlines_are_counted_from_filing_by_urgency(ReferralUrgency urgency, int acknowledgeHours, int closeHours)
    {
        var referral = Filed(urgency);

        referral.AcknowledgeByUtc.ShouldBe(Now.AddHours(acknowledgeHours));
        referral.CloseByUtc.ShouldBe(Now.AddHours(closeHours));
        referral.AcknowledgementOverdue(Now.AddHours(acknowledgeHours)).ShouldBeFalse();
        referral.AcknowledgementOverdue(Now.AddHours(acknowledgeHours).AddMinutes(1)).ShouldBeTrue();
        referral.ClosureOverdue(Now.AddHours(closeHours).AddMinutes(1)).ShouldBeTrue();
    }

    [Fact]
    public void A_deadline_configuration_that_closes_before_it_acknowledges_or_is_not_positive_is_refused()
    {
        new ReferralDeadlines().Problems().ShouldBeEmpty();
        new ReferralDeadlines { SoonClose = TimeSpan.FromDays(1) }.Problems().ShouldBe(["Referrals:Deadlines: SoonClose must not come before SoonAcknowledge."]);
        new ReferralDeadlines { UrgentAcknowledge = TimeSpan.Zero }.Problems().ShouldBe(["Referrals:Deadlines: the Urgent deadlines must be positive."]);
    }

    [Fact]
    public void A_referral_goes_from_the_queue_to_a_service_and_to_closure_in_order_only()
    {
        var referral = Filed(ReferralUrgency.Soon);
        Should.Throw<InvalidOperationException>(() => referral.Acknowledge("svc", Now));
        Should.Throw<InvalidOperationException>(() => referral.Close(ReferralOutcome.HelpProvided, "svc", Now));

        referral.Assign(FoodBank, "orientator", Now.AddHours(1));
        referral.OwnerUserId.ShouldBe("orientator");
        Should.Throw<InvalidOperationException>(() => referral.StartWork("svc"));
        referral.Acknowledge("svc", Now.AddHours(2));
        referral.OwnerUserId.ShouldBe("svc");
        referral.AcknowledgementOverdue(Now.AddDays(10)).ShouldBeFalse();
        referral.StartWork("svc");
        referral.Close(ReferralOutcome.SentElsewhere, "svc", Now.AddDays(1));

        referral.Status.ShouldBe(ReferralStatus.Closed);
        referral.ClosureOverdue(Now.AddDays(100)).ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => referral.Assign(Ccas, "orientator", Now.AddDays(2)));
    }

    [Fact]
    public void A_referral_handed_back_waits_for_orientation_without_a_service_or_owner()
    {
        var referral = Filed(ReferralUrgency.Normal);
        referral.Assign(FoodBank, "orientator", Now);
        referral.Acknowledge("svc", Now.AddHours(1));

        referral.ReturnToOrientation();

        referral.Status.ShouldBe(ReferralStatus.Filed);
        referral.ServiceId.ShouldBeNull();
        referral.OwnerUserId.ShouldBeNull();
        referral.AcknowledgedAtUtc.ShouldBeNull();
    }

    [Fact]
    public void A_filing_reports_each_missing_or_too_long_field()
    {
        new ReferralFiling(Guid.NewGuid(), null, null, (NeedCategory)42, (ReferralUrgency)7, "  ", true).Validate().Select(p => p.Field)
            .ShouldBe(["Category", "Urgency", "Details"]);
        new ReferralFiling(Guid.NewGuid(), null, null, NeedCategory.Care, ReferralUrgency.Soon, new string('x', 2001), false).Validate().Select(p => p.Key)
            .ShouldBe(["referral.error.details"]);
        new ReferralFiling(Guid.NewGuid(), null, null, NeedCategory.Care, ReferralUrgency.Soon, "Aide au lever.", false).Validate().ShouldBeEmpty();
    }

    [Fact]
    public void Percentiles_use_the_nearest_rank()
    {
        TimeSpan[] hours = [.. Hours.Select(h => TimeSpan.FromHours(h))];

        ReferralFigures.Percentile(hours, 0.5).ShouldBe(TimeSpan.FromHours(5));
        ReferralFigures.Percentile(hours, 0.9).ShouldBe(TimeSpan.FromHours(9));
        ReferralFigures.Percentile(hours[..4], 0.5).ShouldBe(TimeSpan.FromHours(2));
        ReferralFigures.Percentile([TimeSpan.FromHours(3)], 0.9).ShouldBe(TimeSpan.FromHours(3));
        ReferralFigures.Percentile([], 0.5).ShouldBeNull();
    }

    [Fact]
    public void Figures_count_open_and_late_referrals_by_category_and_service_and_measure_delays_from_filing()
    {
        var facts = new[]
        {
            Fact(NeedCategory.Food, FoodBank, ReferralStatus.Closed, acknowledgedAfter: 2, closedAfter: 30),
            Fact(NeedCategory.Food, FoodBank, ReferralStatus.InProgress, acknowledgedAfter: 4, closedAfter: null),
            Fact(NeedCategory.Money, Ccas, ReferralStatus.Assigned, acknowledgedAfter: null, closedAfter: null, filedHoursAgo: 200),
            Fact(NeedCategory.Isolation, null, ReferralStatus.Filed, acknowledgedAfter: null, closedAfter: null),
        };

        var figures = ReferralFigures.From(facts, Now);

        figures.Total.ShouldBe(4);
        figures.Open.ShouldBe(3);
        figures.Overdue.ShouldBe(1);
        figures.OverdueReferrals.Single().Category.ShouldBe(NeedCategory.Money);
        figures.ByCategory.Single(r => r.Key == "Food").ShouldBe(new ReferralFigures.Row("Food", 2, 1, 0));
        figures.ByService.Single(r => r.Key == Ccas.ToString()).ShouldBe(new ReferralFigures.Row(Ccas.ToString(), 1, 1, 1));
        figures.ByService.Single(r => r.Key == "").Total.ShouldBe(1);
        figures.ToAcknowledgement.ShouldBe(new ReferralFigures.Delay(2, TimeSpan.FromHours(2), TimeSpan.FromHours(4)));
        figures.ToClosure.ShouldBe(new ReferralFigures.Delay(1, TimeSpan.FromHours(30), TimeSpan.FromHours(30)));
    }

    [Fact]
    public void Only_an_orientator_naming_the_referral_purpose_or_an_exceptional_use_may_export_personal_data()
    {
        static ClaimsPrincipal As(string role) => new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u"), new Claim(ClaimTypes.Role, role)], "test"));

        OrientationDashboard.MayExportPersonalData(As(Roles.Orientator), "outreach-calls").ShouldBeTrue();
        OrientationDashboard.MayExportPersonalData(As(Roles.Orientator), "exceptional-2026-003").ShouldBeTrue();
        OrientationDashboard.MayExportPersonalData(As(Roles.Orientator), null).ShouldBeFalse();
        OrientationDashboard.MayExportPersonalData(As(Roles.Orientator), "civic-reserve-matching").ShouldBeFalse();
        OrientationDashboard.MayExportPersonalData(As(Roles.Coordinator), "outreach-calls").ShouldBeFalse();
        OrientationDashboard.MayExportPersonalData(As(Roles.Agent), "outreach-calls").ShouldBeFalse();
    }

    [Fact]
    public void Csv_cells_are_quoted_when_needed_and_never_run_as_spreadsheet_formulas()
    {
        OrientationDashboard.Cell("Frigo vide").ShouldBe("Frigo vide");
        OrientationDashboard.Cell("vide, seule").ShouldBe("\"vide, seule\"");
        OrientationDashboard.Cell("dit \"non\"").ShouldBe("\"dit \"\"non\"\"\"");
        OrientationDashboard.Cell("=HYPERLINK(\"x\")").ShouldBe("\"'=HYPERLINK(\"\"x\"\")\"");
        OrientationDashboard.Cell("+33 4 78").ShouldBe("'+33 4 78");
        OrientationDashboard.Cell(null).ShouldBe("");
    }

    private static Referral Filed(ReferralUrgency urgency) =>
        Referral.File(new ReferralFiling(Guid.NewGuid(), null, null, NeedCategory.Food, urgency, "Frigo vide.", true), Guid.NewGuid(), North, "agent", Now, new ReferralDeadlines());

    private static ReferralRecords.Fact Fact(NeedCategory category, Guid? service, ReferralStatus status, int? acknowledgedAfter, int? closedAfter, int filedHoursAgo = 10)
    {
        var filed = Now.AddHours(-filedHoursAgo);
        return new ReferralRecords.Fact(Guid.NewGuid(), category, ReferralUrgency.Soon, status, service, null, filed,
            acknowledgedAfter is { } a ? filed.AddHours(a) : null, closedAfter is { } c ? filed.AddHours(c) : null,
            filed.AddDays(2), filed.AddDays(7), null, null, status == ReferralStatus.Closed ? ReferralOutcome.HelpProvided : null);
    }
}
