namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>
/// How many volunteer days each agent of an organisation may give in a calendar year, on working time.
/// A service without its own quota takes the quota of the nearest organisation above it.
/// </summary>
public sealed class ReassignmentQuota
{
    public const int MaxDays = 100;

    private ReassignmentQuota()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public int Year { get; private set; }

    public int DaysPerAgent { get; private set; }

    public string SetByUserId { get; private set; } = "";

    public DateTime SetAtUtc { get; private set; }

    public static ReassignmentQuota Create(Guid organisationId, int year, int daysPerAgent, string setByUserId, DateTime nowUtc)
    {
        var quota = new ReassignmentQuota { Id = Guid.NewGuid(), OrganisationId = organisationId, Year = year };
        quota.Set(daysPerAgent, setByUserId, nowUtc);
        return quota;
    }

    public void Set(int daysPerAgent, string setByUserId, DateTime nowUtc)
    {
        if (daysPerAgent < 0 || daysPerAgent > MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(daysPerAgent), "A quota is between 0 and " + MaxDays + " days.");
        }

        DaysPerAgent = daysPerAgent;
        SetByUserId = setByUserId;
        SetAtUtc = nowUtc;
    }
}
