namespace Reflexes.Web.Modules.Reserve.Domain;

/// <summary>The territory-wide crisis switch: while on, essential missions come first in every list and on the planning board.</summary>
public sealed class MissionCrisisMode
{
    public const int SingletonId = 1;

    private MissionCrisisMode()
    {
    }

    public int Id { get; private set; } = SingletonId;

    public bool On { get; private set; }

    public DateTime ChangedAtUtc { get; private set; }

    public string ChangedByUserId { get; private set; } = "";

    public static MissionCrisisMode Initial(DateTime nowUtc) => new() { ChangedAtUtc = nowUtc, ChangedByUserId = "" };

    public void Switch(bool on, string coordinatorUserId, DateTime nowUtc)
    {
        On = on;
        ChangedAtUtc = nowUtc;
        ChangedByUserId = coordinatorUserId;
    }
}
