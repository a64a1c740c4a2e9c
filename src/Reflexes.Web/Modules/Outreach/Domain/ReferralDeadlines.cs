namespace Reflexes.Web.Modules.Outreach.Domain;

/// <summary>
/// How long a receiving service has to acknowledge and to close a referral, by urgency, counted from
/// filing (configuration section "Referrals:Deadlines"; see docs/adr/0521).
/// </summary>
public sealed class ReferralDeadlines
{
    public const string SectionName = "Referrals:Deadlines";

    public static ReferralDeadlines Default { get; } = new();

    public TimeSpan UrgentAcknowledge { get; set; } = TimeSpan.FromHours(4);

    public TimeSpan UrgentClose { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan SoonAcknowledge { get; set; } = TimeSpan.FromDays(2);

    public TimeSpan SoonClose { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan NormalAcknowledge { get; set; } = TimeSpan.FromDays(5);

    public TimeSpan NormalClose { get; set; } = TimeSpan.FromDays(30);

    public (TimeSpan Acknowledge, TimeSpan Close) For(ReferralUrgency urgency) => urgency switch
    {
        ReferralUrgency.Urgent => (UrgentAcknowledge, UrgentClose),
        ReferralUrgency.Soon => (SoonAcknowledge, SoonClose),
        ReferralUrgency.Normal => (NormalAcknowledge, NormalClose),
        _ => throw new ArgumentOutOfRangeException(nameof(urgency)),
    };

    /// <summary>Problems with a configuration, so a bad setting stops the app at start with a clear message.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var urgency in Enum.GetValues<ReferralUrgency>())
        {
            var (acknowledge, close) = For(urgency);
            if (acknowledge <= TimeSpan.Zero || close <= TimeSpan.Zero)
            {
                problems.Add($"{SectionName}: the {urgency} deadlines must be positive.");
            }
            else if (close < acknowledge)
            {
                problems.Add($"{SectionName}: {urgency}Close must not come before {urgency}Acknowledge.");
            }
        }

        return problems;
    }
}
